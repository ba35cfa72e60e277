#!/bin/sh
# Regenerates the known-answer fixtures with the real age 1.1.1 and ssh-keygen. Keys here are test-only.
set -eu
cd "$(dirname "$0")"
rm -f *.age *.key *.pub hello.txt pattern-65537.bin
age-keygen -o x25519.key 2>/dev/null
age-keygen -o x25519-other.key 2>/dev/null
ssh-keygen -q -t ed25519 -N "" -C fixture@cage -f ssh-ed25519.key
ssh-keygen -q -t rsa -b 2048 -N "" -C fixture@cage -f ssh-rsa.key
printf 'hello, age\n' > hello.txt
# 65537 bytes: i % 251 for i = 0..65536 (two chunks, the second one byte)
python3 -c 'import sys; sys.stdout.buffer.write(bytes(i % 251 for i in range(65537)))' > pattern-65537.bin
r=$(age-keygen -y x25519.key); o=$(age-keygen -y x25519-other.key)
: | age -r "$r" -o x25519-empty.age
age -r "$r" -o x25519-hello.age hello.txt
age -r "$r" -o x25519-pattern.age pattern-65537.bin
age -a -r "$r" -o x25519-pattern-armor.age pattern-65537.bin
age -r "$o" -r "$r" -o x25519-two-recipients.age hello.txt
age -R ssh-ed25519.key.pub -o ssh-ed25519-hello.age hello.txt
age -R ssh-rsa.key.pub -o ssh-rsa-pattern.age pattern-65537.bin
rm -f pattern-65537.bin
