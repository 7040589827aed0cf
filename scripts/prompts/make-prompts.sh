#!/bin/sh
# Generates the prompt sets Tonal uses to speak digits and numbers (semantics.md rule 14):
# one 8 kHz 16-bit mono WAV per word under media/src/main/resources/prompts/{ru,en}/.
# The outputs are committed; run this only to change or re-create them.
# Needs espeak-ng and sox (Debian: apt-get install -y espeak-ng sox).
#
# File names are what dev.tonal.media.prompt.NumberSpeaker asks for: the number a word
# stands for ("7", "40", "300"), "hundred", "thousand" (en), "thousand-1/-2/-5"
# (ru: тысяча/тысячи/тысяч, chosen by the number's last digits), "1f"/"2f" (ru feminine
# одна/две, used before "тысяча"), "star" and "pound".
set -eu
cd "$(dirname "$0")/../.."
out=media/src/main/resources/prompts

# word VOICE DIR NAME TEXT: synthesise, trim leading/trailing silence, normalise to -3 dBFS
word() {
	mkdir -p "$out/$2"
	espeak-ng -v "$1" -s 150 -w /tmp/tonal-prompt.wav "$4"
	sox /tmp/tonal-prompt.wav -r 8000 -c 1 -b 16 -e signed-integer "$out/$2/$3.wav" \
		silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse gain -n -3
	rm -f /tmp/tonal-prompt.wav
}

en() { word en-us en "$1" "$2"; }
ru() { word ru ru "$1" "$2"; }

en 0 zero; en 1 one; en 2 two; en 3 three; en 4 four; en 5 five; en 6 six; en 7 seven
en 8 eight; en 9 nine; en 10 ten; en 11 eleven; en 12 twelve; en 13 thirteen
en 14 fourteen; en 15 fifteen; en 16 sixteen; en 17 seventeen; en 18 eighteen
en 19 nineteen; en 20 twenty; en 30 thirty; en 40 forty; en 50 fifty; en 60 sixty
en 70 seventy; en 80 eighty; en 90 ninety; en hundred hundred; en thousand thousand
en star star; en pound pound

ru 0 ноль; ru 1 один; ru 2 два; ru 3 три; ru 4 четыре; ru 5 пять; ru 6 шесть; ru 7 семь
ru 8 восемь; ru 9 девять; ru 10 десять; ru 11 одиннадцать; ru 12 двенадцать
ru 13 тринадцать; ru 14 четырнадцать; ru 15 пятнадцать; ru 16 шестнадцать
ru 17 семнадцать; ru 18 восемнадцать; ru 19 девятнадцать; ru 20 двадцать; ru 30 тридцать
ru 40 сорок; ru 50 пятьдесят; ru 60 шестьдесят; ru 70 семьдесят; ru 80 восемьдесят
ru 90 девяносто; ru 100 сто; ru 200 двести; ru 300 триста; ru 400 четыреста
ru 500 пятьсот; ru 600 шестьсот; ru 700 семьсот; ru 800 восемьсот; ru 900 девятьсот
ru 1f одна; ru 2f две
ru thousand-1 тысяча; ru thousand-2 тысячи; ru thousand-5 тысяч
ru star звёздочка; ru pound решётка
