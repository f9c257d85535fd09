\ SPDX-License-Identifier: MIT
\ FLOATING and FLOATING EXT, beyond what the standard suite's fp programs
\ check. Float results are compared inside the test (F= exact, F~ for the
\ sign of zero and NaNs, REL= within 1e-12). The harness checks the data
\ stack only, so each section ends with FDEPTH.

: rel= ( F: r1 r2 -- ) ( -- flag ) -1e-12 f~ ;
: same= ( F: r1 r2 -- ) ( -- flag ) 0e f~ ;     \ identical encodings
: fclear ( F: i*r -- ) begin fdepth while fdrop repeat ;
0e 0e f/ fabs fconstant +nan
1e 0e f/ fconstant +inf

testing ---------------------------------------------------------------- float literals
t{ 1e 1.5e2 -2.5E-1 +3e0 fdepth -> 4 }t
t{ 3e f= -2.5E-1 f= -> true true }t
t{ 1.5e2 f= 1e f= fdepth -> true true 0 }t
t{ 1.e 1e f= -> true }t
: lits 1.5e 2.25e f* ;
t{ lits 3.375e f= -> true }t
: lit-in-loop 0e 3 0 do 0.5e f+ loop ;
t{ lit-in-loop 1.5e f= -> true }t
t{ -0e 0e same= -0e -0e same= -> false true }t

testing ---------------------------------------------------------------- FDUP FDROP FSWAP FOVER FROT FNIP FTUCK FPICK FDEPTH
t{ fdepth -> 0 }t
t{ 1e fdup f= fdepth -> true 0 }t
t{ 1e 2e fdrop 1e f= fdepth -> true 0 }t
t{ 1e 2e fswap 1e f= 2e f= -> true true }t
t{ 1e 2e fover 1e f= 2e f= 1e f= -> true true true }t
t{ 1e 2e 3e frot 1e f= 3e f= 2e f= -> true true true }t
t{ 1e 2e fnip 2e f= fdepth -> true 0 }t
t{ 1e 2e ftuck 2e f= 1e f= 2e f= fdepth -> true true true 0 }t
t{ 1e 2e 3e 0 fpick 3e f= 2 fpick 1e f= fdepth -> true true 3 }t
fclear
: stack-words 1e 2e 3e frot fswap fover fnip ftuck fdup fdrop f- f- ;
t{ stack-words 1e f= 2e f= fdepth -> true true 0 }t

testing ---------------------------------------------------------------- F+ F- F* F/ FNEGATE FABS FSQRT FMAX FMIN
t{ 1.5e 2.25e f+ 3.75e f= -> true }t
t{ 1.5e 2.25e f- -0.75e f= -> true }t
t{ 1.5e 2e f* 3e f= -> true }t
t{ 3e 2e f/ 1.5e f= -> true }t
t{ 1e 0e f/ +inf f= -1e 0e f/ +inf fnegate f= -> true true }t
t{ 2e fnegate -2e f= 0e fnegate -0e same= -> true true }t
t{ -2e fabs 2e f= -0e fabs 0e same= +nan fnegate fabs +nan same= -> true true true }t
t{ 16e fsqrt 4e f= 2e fsqrt fdup f* 2e rel= -> true true }t
t{ -1e fsqrt fdup f= -> false }t    \ a NaN equals nothing
t{ 1e 2e fmax 2e f= 2e 1e fmax 2e f= -> true true }t
t{ 1e 2e fmin 1e f= 2e 1e fmin 1e f= -> true true }t
\ Gforth's choices: FMAX is r1 unless r1 < r2; FMIN is r2 unless r1 < r2.
t{ -0e 0e fmax -0e same= 0e -0e fmin -0e same= -> true true }t
t{ +nan 1e fmax +nan same= 1e +nan fmax 1e f= -> true true }t
t{ fdepth -> 0 }t

testing ---------------------------------------------------------------- FLOOR FROUND FTRUNC
t{ 1.5e floor 1e f= -1.5e floor -2e f= -0.5e floor -1e f= -> true true true }t
t{ 2.5e fround 2e f= 3.5e fround 4e f= -2.5e fround -2e f= -0.4e fround -0e same= -> true true true true }t
t{ 1.7e ftrunc 1e f= -1.7e ftrunc -1e f= -0.5e ftrunc -0e same= -> true true true }t
t{ +inf floor +inf f= 1e300 fround 1e300 f= -> true true }t
: rounders 2.7e floor 2.7e fround 2.7e ftrunc f+ f+ ;
t{ rounders 7e f= -> true }t

testing ---------------------------------------------------------------- F0= F0<> F0< F0<= F0> F0>=
t{ 0e f0= -0e f0= 1e f0= +nan f0= -> true true false false }t
t{ 0e f0<> 1e f0<> +nan f0<> -> false true true }t
t{ -1e f0< -0e f0< 1e f0< +nan f0< -> true false false false }t
t{ -1e f0<= -0e f0<= 1e f0<= +nan f0<= -> true true false false }t
t{ 1e f0> 0e f0> -1e f0> +nan f0> -> true false false false }t
t{ 1e f0>= -0e f0>= -1e f0>= +nan f0>= -> true true false false }t

testing ---------------------------------------------------------------- F= F<> F< F<= F> F>=
t{ 1e 1e f= 1e 2e f= 0e -0e f= +nan +nan f= -> true false true false }t
t{ 1e 1e f<> 1e 2e f<> +nan +nan f<> -> false true true }t
t{ 1e 2e f< 2e 1e f< 1e 1e f< +nan 1e f< -> true false false false }t
t{ 1e 2e f<= 2e 1e f<= 1e 1e f<= 1e +nan f<= -> true false true false }t
t{ 2e 1e f> 1e 2e f> 1e 1e f> +nan 1e f> -> true false false false }t
t{ 2e 1e f>= 1e 2e f>= 1e 1e f>= 1e +nan f>= -> true false true false }t
: between ( F: r -- ) ( -- flag ) fdup 0e f>= 1e f< and ;
t{ 0.5e between 1e between -0e between -> true false true }t
t{ fdepth -> 0 }t

testing ---------------------------------------------------------------- F@ F! DF@ DF! SF@ SF! F,
fvariable fv1
t{ fv1 f@ 0e f= -> true }t
t{ 2.5e fv1 f! fv1 f@ 2.5e f= -> true }t
t{ -3.5e fv1 df! fv1 df@ -3.5e f= fv1 f@ -3.5e f= -> true true }t
create sfbuf 2 sfloats allot
t{ 0.5e sfbuf sf! 0.25e sfbuf sfloat+ sf! sfbuf sf@ sfbuf sfloat+ sf@ 0.25e f= 0.5e f= -> true true }t
\ SF! rounds to single precision (to nearest, ties to even)
t{ 0.1e sfbuf sf! sfbuf sf@ 0.100000001490116119384765625e f= -> true }t
t{ sfbuf @ $ffffffff and -> $3dcccccd }t
t{ 1e 0e f/ sfbuf sf! sfbuf sf@ +inf f= -> true }t
create fbuf 1.5e f, 2.5e f,
t{ fbuf f@ 1.5e f= fbuf float+ f@ 2.5e f= -> true true }t
: fsum ( addr -- ) ( F: -- r ) dup f@ float+ f@ f+ ;
t{ fbuf fsum 4e f= -> true }t
t{ fdepth -> 0 }t

testing ---------------------------------------------------------------- FLOATS FLOAT+ DFLOATS DFLOAT+ SFLOATS SFLOAT+
t{ 3 floats 3 dfloats 3 sfloats -> 24 24 12 }t
t{ 0 float+ 0 dfloat+ 0 sfloat+ -> 8 8 4 }t
t{ -1 floats -> -8 }t

testing ---------------------------------------------------------------- FALIGNED DFALIGNED SFALIGNED FALIGN DFALIGN SFALIGN
t{ 8 faligned 9 faligned 15 faligned 16 faligned -> 8 16 16 16 }t
t{ 9 dfaligned 16 dfaligned -> 16 16 }t
t{ 4 sfaligned 5 sfaligned 8 sfaligned -> 4 8 8 }t
t{ 1 allot falign here 7 and -> 0 }t
t{ 1 allot dfalign here 7 and -> 0 }t
t{ 1 allot sfalign here 3 and -> 0 }t
t{ falign here falign here = -> true }t
align

testing ---------------------------------------------------------------- S>F F>S D>F F>D
t{ 7 s>f 7e f= -7 s>f -7e f= -> true true }t
t{ 2.9e f>s -2.9e f>s 0e f>s -> 2 -2 0 }t
t{ 1e19 f>s +nan f>s -> -9223372036854775808 -9223372036854775808 }t
t{ 5. d>f 5e f= -5. d>f -5e f= -> true true }t
t{ -1 0 d>f 18446744073709551615e f= 0 1 d>f 18446744073709551616e f= -> true true }t
t{ 0 -1 d>f -18446744073709551616e f= -> true }t
t{ 2.9e f>d -2.9e f>d -> 2 0 -2 -1 }t
t{ 1e19 f>d -1e19 f>d -> -8446744073709551616 0 8446744073709551616 -1 }t
t{ -9223372036854775808e f>d 9223372036854775808e f>d -> -9223372036854775808 -1 -9223372036854775808 0 }t
t{ 1e30 f>d d>f 1e30 f= -> true }t
t{ +nan f>d +inf f>d -> 0 -9223372036854775808 0 -9223372036854775808 }t
: convert ( n -- d ) s>f 0.5e f* f>d ;
t{ 9 convert -9 convert -> 4 0 -4 -1 }t

testing ---------------------------------------------------------------- FLITERAL FCONSTANT FVARIABLE FVALUE TO
: sqrt2 [ 2e fsqrt ] fliteral ;
t{ sqrt2 fdup f* 2e rel= -> true }t
1.25e fconstant fk
t{ fk 1.25e f= -> true }t
: use-fk fk fk f+ ;
t{ use-fk 2.5e f= -> true }t
fvariable fv2
t{ fv2 fv1 <> fv2 aligned fv2 = -> true true }t
3e fvalue fval
t{ fval 3e f= -> true }t
t{ 4.5e to fval fval 4.5e f= -> true }t
: set-fval ( F: r -- ) to fval ;
: get-fval ( F: -- r ) fval ;
t{ 6e set-fval get-fval 6e f= fval 6e f= -> true true }t
: bump ( -- ) fval 1e f+ to fval ;
t{ bump bump fval 8e f= -> true }t
t{ fdepth -> 0 }t

testing ---------------------------------------------------------------- F~
t{ 1e 1.05e 0.1e f~ 1e 1.2e 0.1e f~ -> true false }t            \ absolute
t{ 1e 1e 0e f~ 0e -0e 0e f~ 0e -0e -0e f~ -> true false false }t   \ exact encoding
t{ +nan +nan 0e f~ +nan +nan 1e f~ -> true false }t
t{ 100e 101e -0.01e f~ 100e 103e -0.01e f~ -> true false }t      \ relative
t{ 1e 1e +nan f~ -> false }t

testing ---------------------------------------------------------------- F** FEXP FEXPM1 FLN FLNP1 FLOG FALOG
t{ 2e 10e f** 1024e f= 2e 0.5e f** 2e fsqrt rel= -> true true }t
t{ 1e fexp 2.718281828459045e rel= 0e fexp 1e f= -> true true }t
t{ 1e-10 fexpm1 1.00000000005e-10 rel= -> true }t
t{ 2.718281828459045e fln 1e rel= 1e fln 0e f= -> true true }t
t{ 1e-10 flnp1 9.9999999995e-11 rel= -> true }t
t{ 1000e flog 3e rel= 3e falog 1000e rel= -2e falog 0.01e rel= -> true true true }t
t{ 0e fln fnegate +inf f= -1e fln fdup f= -> true false }t

testing ---------------------------------------------------------------- FSIN FCOS FSINCOS FTAN FASIN FACOS FATAN FATAN2
1e fatan 4e f* fconstant my-pi
t{ my-pi 3.141592653589793e f= pi my-pi f= -> true true }t
t{ my-pi 6e f/ fsin 0.5e rel= my-pi 3e f/ fcos 0.5e rel= -> true true }t
t{ 0.5e fsincos 0.5e fcos f= 0.5e fsin f= -> true true }t
t{ my-pi 4e f/ ftan 1e rel= -> true }t
t{ 0.5e fasin my-pi 6e f/ rel= 0.5e facos my-pi 3e f/ rel= 1e fatan my-pi 4e f/ rel= -> true true true }t
t{ 1e -1e fatan2 my-pi 0.75e f* rel= -1e -1e fatan2 my-pi -0.75e f* rel= 0e -1e fatan2 my-pi f= -> true true true }t

testing ---------------------------------------------------------------- FSINH FCOSH FTANH FASINH FACOSH FATANH
t{ 1e fsinh 1.1752011936438014e rel= 1e fcosh 1.5430806348152437e rel= 1e ftanh 0.7615941559557649e rel= -> true true true }t
t{ 1e fsinh fasinh 1e rel= 2e fcosh facosh 2e rel= 0.5e ftanh fatanh 0.5e rel= -> true true true }t
t{ 0.5e facosh fdup f= 1e fatanh +inf f= -> false true }t
t{ fdepth -> 0 }t

testing ---------------------------------------------------------------- >FLOAT
t{ s" 1.5e2" >float 150e f= -> true true }t
t{ s" -1.5" >float -1.5e f= -> true true }t
t{ s" 1.5+2" >float 150e f= s" 1d3" >float 1000e f= s" 2E" >float 2e f= -> true true true true true true }t
t{ s" " >float 0e f= s"    " >float 0e f= -> true true true true }t
t{ s"  1" >float s" 1 " >float s" 1e2x" >float s" e2" >float s" ." >float -> false false false false false }t
t{ s" 1e999" >float +inf f= -> true true }t
t{ fdepth -> 0 }t

testing ---------------------------------------------------------------- REPRESENT PRECISION SET-PRECISION
create rbuf 32 allot
: rbuf= ( c-addr u -- flag ) \ rbuf starts with the string
  dup 0 ?do over i + c@ rbuf i + c@ <> if 2drop unloop false exit then loop 2drop true ;
t{ 1e rbuf 5 represent s" 10000" rbuf= -> 1 0 true true }t
t{ -1e rbuf 5 represent s" 10000" rbuf= -> 1 true true true }t
t{ 100e 3e f/ rbuf 5 represent s" 33333" rbuf= -> 2 0 true true }t
t{ 0.02e 3e f/ rbuf 5 represent s" 66667" rbuf= -> -2 0 true true }t
t{ 9.99999e rbuf 5 represent s" 10000" rbuf= -> 2 0 true true }t  \ rounding carries into n
t{ 2.5e rbuf 1 represent s" 2" rbuf= 3.5e rbuf 1 represent s" 4" rbuf= -> 1 0 true true 1 0 true true }t
t{ 0e rbuf 3 represent s" 000" rbuf= -0e rbuf 3 represent s" 000" rbuf= -> 1 0 true true 1 true true true }t
t{ 5e-324 rbuf 3 represent s" 494" rbuf= -> -323 0 true true }t
t{ 0.1e rbuf 20 represent s" 10000000000000000555" rbuf= -> 0 0 true true }t  \ the exact value
\ Not a number: as Gforth, the text of the value, n = 0 and both flags false
t{ +inf rbuf 5 represent s" inf  " rbuf= -> 0 0 0 true }t
t{ +inf fnegate rbuf 5 represent s" -inf " rbuf= -> 0 0 0 true }t
t{ +nan rbuf 2 represent s" na" rbuf= -> 0 0 0 true }t
t{ 1e rbuf 0 represent -> 1 0 0 }t
t{ precision -> 15 }t
t{ 6 set-precision precision 15 set-precision precision -> 6 15 }t
t{ -1 set-precision precision 15 set-precision -> 1024 }t   \ at most 1024 digits
create bigbuf 1100 allot
t{ 1e bigbuf 1100 represent bigbuf c@ bigbuf 1099 + c@ -> 1 0 true '1' '0' }t
t{ 1e 0e f/ bigbuf 1100 represent bigbuf 1099 + c@ -> 0 0 0 bl }t
t{ fdepth -> 0 }t

testing ---------------------------------------------------------------- ENVIRONMENT?
t{ s" FLOATING-STACK" environment? swap 1000 > -> true true }t
t{ s" MAX-FLOAT" environment? 1.7976931348623157e308 f= -> true true }t
t{ s" floating" environment? s" FLOATING-EXT" environment? -> true true true true }t

testing ---------------------------------------------------------------- THROW and the float stack
: fthrower ( F: -- r r r ) 1e 2e 3e 42 throw ;
t{ 5e ' fthrower catch fdepth -> 42 1 }t
fclear
: fcatcher ( -- n ) 9e ['] fthrower catch fdepth ;
t{ fcatcher -> 42 1 }t
fclear
t{ ' fdrop catch fdepth -> -45 0 }t
t{ ' f+ catch fdepth -> -45 0 }t
t{ ' fsin catch fdepth -> -45 0 }t
: under-in-def ( -- ) fdrop fdrop ;
t{ 1e ' under-in-def catch fdepth -> -45 1 }t
fclear
t{ ' f. catch -> -45 }t
: fdeep ( -- ) 100000 0 do 1e loop ;
t{ ' fdeep catch fdepth -> -44 0 }t
t{ 1e fdepth fdrop -> 1 }t       \ the stack works again
