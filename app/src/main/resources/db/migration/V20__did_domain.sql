-- DIDs in the original API's shape (api.md §5): besides the number, the SIP domain it
-- arrives on. Empty for every DID stored before, as the original shows a DID with no domain.
ALTER TABLE did ADD COLUMN domain VARCHAR(255) DEFAULT '' NOT NULL;
