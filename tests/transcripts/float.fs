\ F. FE. FS. as Gforth 0.7.3 prints them (lines 4-23 match it byte for byte, but for
\ the 17-digit line: REPRESENT rounds the exact value, glibc ecvt does not), then
\ float stack errors, FVALUE, compiled literals, THROW and >FLOAT.
1e3 f. 1.1e3 f. 1e 3e f/ f. 200e 3e f/ f. 0.000234e f. cr
0e f. -0e f. 1e20 f. 1e-20 f. 123456789e f. -1.5e f. 0.5e f. 9.99999e f. cr
1e 0e f/ f. cr
-1e 0e f/ f. cr
0e 0e f/ f. cr
0e 0e f/ fnegate f. cr
1e fe. 20e fe. 300e fe. 4000e fe. 1e 3e f/ fe. cr
0e fe. -0e fe. -1e-5 fe. 123.456e fe. 1e300 fe. 1e-7 fe. cr
1e 0e f/ fe. cr
1e fs. 0.02e fs. -333e2 fs. 0e fs. -0e fs. 1e-300 fs. 5e-324 fs. cr
-1e 0e f/ fs. cr
1.7976931348623157e308 f. cr
5 set-precision 1e 3e f/ f. 1e fs. 0.000234e f. 0.000236e f. 1e 3e f/ fe. 2e4 3e f/ fe. -333.e2 fs. cr
1 set-precision 1e fs. 1.5e fs. 123e f. 0e f. 0.5e f. 9.6e f. 2.5e fs. 3.5e fs. cr
2 set-precision 12345e f. 1e 0e f/ f. cr
3 set-precision 0.9996e f. 999.6e fe. 1e-7 fe. 12e-7 fe. 0e fe. cr
17 set-precision 0.1e f. 1e 3e f/ f. 2e 3e f/ fs. cr
0 set-precision 1e 3e f/ f. 1e fs. 1e fe. cr
15 set-precision precision . cr
1e 0e f/ f. 5 .
fdrop
f+
fsin
: deep 10000 0 do 1e loop ; deep
fdepth .
2e fvalue half : halve half 2e f/ to half ; halve halve half f.
: lits 1.5e 2.25e f* ; lits f. 3.375e lits f- f.
: thrower 1e 2e 3e 42 throw ; 7e ' thrower catch . fdepth . f.
s" 1.25e3" >float . f. s"  1" >float .
10 set-precision 2e fsqrt f. 2e fsqrt fe. 2e fsqrt fs.
