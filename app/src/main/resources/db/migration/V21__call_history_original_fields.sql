-- Call history in the original API's shape (api.md §8). What the API derives (result,
-- hangup_cause, hangup_disposition, the cdr entries) is computed when a record is read,
-- in one place (dev.tonal.app.call.CallOutcome), from what is stored here; so calls
-- stored before this migration show the same fields, from what was recorded of them.
-- Nothing recorded is lost: every column stays, the engine's end word moves to end_reason.

-- The engine's own word ("caller_hangup", "transferred", ...): Tonal's end_reason.
-- "result" is now the original's word, derived on reading.
ALTER TABLE call_history RENAME COLUMN result TO end_reason;

-- How the call reached the IVR: in | out | transfer. Every call stored before came in.
ALTER TABLE call_history ADD COLUMN flow VARCHAR(16) DEFAULT 'in' NOT NULL;

-- When the IVR answered (epoch ms), null when it never did. The IVR answers every call
-- it takes as soon as it arrives, so for calls stored before it is their start.
ALTER TABLE call_history ADD COLUMN answer_at BIGINT;
UPDATE call_history SET answer_at = start_at;

-- What the caller dialled (the original's to_username). Before, only called_did was
-- kept, which is the DID dialled or the IVR's bare name for an internal call.
ALTER TABLE call_history ADD COLUMN to_username VARCHAR(255) DEFAULT '' NOT NULL;
UPDATE call_history SET to_username = COALESCE(called_did, '');

-- How the SIP call ended (caller_hung_up, we_hung_up, caller_cancelled, no_ack,
-- server_stopped, signalling_failed), null when it went on to another IVR or when it
-- was stored before this was recorded (end_reason tells then).
ALTER TABLE call_history ADD COLUMN wire_end VARCHAR(32);

-- JSON text: the legs the IVR's transfers placed (target, trunk, dialled, answered,
-- ended, outcome), one cdr entry each. Not recorded before: an empty array.
ALTER TABLE call_history ADD COLUMN legs VARCHAR DEFAULT '[]' NOT NULL;

CREATE INDEX ix_call_history_client_to ON call_history (client_id, to_username);
