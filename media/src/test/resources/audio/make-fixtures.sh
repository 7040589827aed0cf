#!/bin/sh
# Regenerates the audio fixtures of the media tests. The outputs are committed, so the
# tests never need these tools; run this only to change or re-create a fixture.
# Needs: sox, libsox-fmt-all, ffmpeg, espeak-ng (Debian: apt-get install -y sox
# libsox-fmt-all ffmpeg espeak-ng).
#
# Most fixtures are a 1 kHz sine at half scale (-6 dBFS) so the tests can check that
# decoding and resampling keep the frequency, the level and the duration.
set -eu
cd "$(dirname "$0")"


# WAV in the encodings api.md section 3 lists
sox -n -r 16000 -c 1 -b 32 -e floating-point sine-float32-16k.wav synth 1.0 sine 1000 vol 0.5
sox -n -r 11025 -c 1 -b 64 -e floating-point sine-float64-11k.wav synth 0.5 sine 1000 vol 0.5
sox -n -r 44100 -c 2 -b 16 -t wavpcm sine-stereo-44k.wav synth 0.5 sine 1000 vol 0.5
sox -n -r 48000 -c 1 -b 24 -t wavpcm sine-pcm24-48k.wav synth 0.5 sine 1000 vol 0.5
sox -n -r 22050 -c 1 -b 32 -e signed-integer -t wavpcm sine-pcm32-22k.wav synth 0.5 sine 1000 vol 0.5
sox -n -r 11025 -c 1 -b 8 -e unsigned-integer sine-pcm8-11k.wav synth 1.0 sine 1000 vol 0.5
sox -n -r 8000 -c 1 -e u-law sine-ulaw-8k.wav synth 1.0 sine 1000 vol 0.5
sox -n -r 8000 -c 2 -e a-law sine-alaw-8k-stereo.wav synth 1.0 sine 1000 vol 0.5
# WAVE_FORMAT_EXTENSIBLE (sox writes it for 24-bit unless told -t wavpcm)
sox -n -r 32000 -c 2 -b 24 sine-extensible-24bit-32k.wav synth 0.5 sine 1000 vol 0.5
# ffmpeg adds a LIST/INFO chunk before the data
sox -n -r 22050 -c 1 -b 16 -t wav - synth 1.0 sine 1000 vol 0.5 \
	| ffmpeg -v error -y -f wav -i - -metadata title="Fixture" -c:a pcm_s16le sine-list-chunk-22k.wav

# MP3: MPEG-1 (44.1 kHz stereo), MPEG-2 (22.05 kHz mono), MPEG-2.5 (8 kHz mono); ID3v2 tags
sox -n -r 44100 -c 2 -b 16 -t wav - synth 1.0 sine 1000 vol 0.5 \
	| ffmpeg -v error -y -f wav -i - -c:a libmp3lame -b:a 64k -metadata title="Fixture" sine-stereo-44k.mp3
sox -n -r 22050 -c 1 -b 16 -t wav - synth 1.0 sine 1000 vol 0.5 \
	| ffmpeg -v error -y -f wav -i - -c:a libmp3lame -b:a 32k -metadata artist="Tonal" sine-mono-22k.mp3
sox -n -r 8000 -c 1 -b 16 -t wav - synth 1.0 sine 1000 vol 0.5 \
	| ffmpeg -v error -y -f wav -i - -c:a libmp3lame -b:a 16k -id3v2_version 0 sine-mono-8k.mp3

# Speech (for in-band DTMF false-hit tests and an MP3 with real content)
espeak-ng -v en-us -s 150 -w /tmp/tonal-speech.wav "Hello. Press one for sales, or two for support. Thank you for calling."
sox /tmp/tonal-speech.wav -r 8000 -c 1 -b 16 -e signed-integer speech-en-8k.wav
espeak-ng -v ru -s 150 -w /tmp/tonal-speech-ru.wav "Здравствуйте. Нажмите один для отдела продаж, или два для поддержки."
sox /tmp/tonal-speech-ru.wav -r 8000 -c 1 -b 16 -e signed-integer speech-ru-8k.wav
rm -f /tmp/tonal-speech.wav /tmp/tonal-speech-ru.wav

# Unusable inputs
: > empty.wav
sox -n -r 8000 -c 1 -b 16 silent-8k.wav trim 0 1.0
head -c 3000 sine-float32-16k.wav > truncated.wav
# a RIFF/WAVE header followed by garbage where the chunks should be
{ printf 'RIFF\044\010\000\000WAVE'; head -c 2048 sine-mono-22k.mp3 | tail -c 1024; } > corrupt.wav
# text that only pretends to be an MP3
printf 'This is not audio at all, just a text file with an .mp3 name.\n' > not-audio.mp3
