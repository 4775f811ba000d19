# Oracle for test/lexer/unicode.test.ts: prints JSON with
#   bits: base64 bitsets over U+0000..U+10FFFF of str.isidentifier() of the character
#         (XID_Start), of "a" + character (XID_Continue) and str.isprintable()
#   names: [name, code point or -1] for what \N{name} must accept or reject:
#          every unicodedata name (algorithmic families sampled), lower-case
#          variants, and some aliases and non-names
#   nfkc:  [code point, NFKC("a" + character)] where normalization changes a name
import base64, json, unicodedata

N = 0x110000
def bits(pred):
    b = bytearray(N // 8)
    for c in range(N):
        if pred(c):
            b[c >> 3] |= 1 << (c & 7)
    return base64.b64encode(bytes(b)).decode()

names = []
for c in range(N):
    n = unicodedata.name(chr(c), None)
    if n is None:
        continue
    if (n.startswith('CJK UNIFIED IDEOGRAPH-') or n.startswith('HANGUL SYLLABLE ')) and c % 97:
        continue
    names.append(n)
extra = ['BEL', 'LATIN CAPITAL LETTER GHA', 'latin small letter a', 'Em Dash', 'cjk unified ideograph-4e00',
         'CJK UNIFIED IDEOGRAPH-4e00', 'hangul syllable ga', 'HANGUL SYLLABLE', 'HANGUL SYLLABLE GAX',
         'CJK UNIFIED IDEOGRAPH-FFFF', 'NO SUCH NAME', ' LATIN SMALL LETTER A', 'LATIN SMALL LETTER A ',
         'LINE FEED', 'NULL', 'BYTE ORDER MARK', 'ZWSP', 'LATIN SMALL LETTER A WITH MACRON AND GRAVE']
out = []
for n in names + extra:
    try:
        ch = unicodedata.lookup(n)
        out.append([n, ord(ch) if len(ch) == 1 else -1])
    except KeyError:
        out.append([n, -1])
# NFKC of "a" + c for every XID_Continue character whose form changes
nfkc = []
for c in range(0x80, N):
    s = 'a' + chr(c)
    if s.isidentifier():
        n = unicodedata.normalize('NFKC', s)
        if n != s:
            nfkc.append([c, n])
print(json.dumps({
    'nfkc': nfkc,
    'bits': [bits(lambda c: chr(c).isidentifier()), bits(lambda c: ('a' + chr(c)).isidentifier()),
             bits(lambda c: chr(c).isprintable())],
    'names': out,
}))
