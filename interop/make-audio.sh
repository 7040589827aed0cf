#!/bin/sh
# Writes the interop tests' audio into DIR (8 kHz mono 16-bit WAVs; needs espeak-ng and sox):
#   ad.wav, hello.wav   the IVR's prompts (the "ad" is played in the foreground, so it must end
#                       before the callers' first key, 3 s after the answer)
#   silence.wav         30 s of silence: the microphone of a baresip caller that presses keys
#   inband-125.wav      what a baresip caller says with in-band tones: keys 1, 2, 5 (150 ms
#                       each, DTMF frequency pairs) at 3.0 s, 4.5 s and 6.0 s, then silence.
#                       baresip hangs up when its source file ends, so it is padded to 26 s.
set -eu
out=$1
mkdir -p "$out"
cd "$out"
espeak-ng -v en-us -s 170 -w ad.raw.wav "Advertisement."
espeak-ng -v en-us -s 170 -w hello.raw.wav "Hello. Press one, then two, then five."
for f in ad hello; do sox "$f.raw.wav" -r 8000 -c 1 -b 16 -e signed-integer "$f.wav"; rm -f "$f.raw.wav"; done
silence() { sox -n -r 8000 -c 1 -b 16 -e signed-integer "$1" trim 0 "$2"; }
tone() { sox -n -r 8000 -c 1 -b 16 -e signed-integer "$1" synth 0.15 sine "$2" synth 0.15 sine mix "$3" vol 0.4; }
silence silence.wav 30
silence gap-3.0.wav 3.0
silence gap-1.35.wav 1.35
silence gap-20.wav 20
tone key-1.wav 697 1209
tone key-2.wav 697 1336
tone key-5.wav 770 1336
sox gap-3.0.wav key-1.wav gap-1.35.wav key-2.wav gap-1.35.wav key-5.wav gap-20.wav inband-125.wav
rm -f gap-*.wav key-*.wav
