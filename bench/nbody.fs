\ SPDX-License-Identifier: MIT
\ N-body: the Sun and the four giant planets, advanced N steps of 0.01
\ years with the simple symplectic integrator (the n-body program of the
\ benchmarks game). Prints the energy before and after, times 1e9 and
\ truncated. The evaluation order is that of nbody.c, so that both give
\ bit-identical results.

3.141592653589793e fconstant pi'
4e pi' f* pi' f* fconstant solar-mass
365.24e fconstant days-per-year
0.01e fconstant timestep
5 constant #bodies

\ A planet is seven floats: position, velocity, mass.
: x ( planet -- addr ) ;
: y ( planet -- addr ) float+ ;
: z ( planet -- addr ) 2 floats + ;
: vx ( planet -- addr ) 3 floats + ;
: vy ( planet -- addr ) 4 floats + ;
: vz ( planet -- addr ) 5 floats + ;
: mass ( planet -- addr ) 6 floats + ;
7 floats constant /body

create bodies
  0e f, 0e f, 0e f, 0e f, 0e f, 0e f, solar-mass f,
  4.84143144246472090e+00 f,  -1.16032004402742839e+00 f,  -1.03622044471123109e-01 f,
  1.66007664274403694e-03 days-per-year f* f,  7.69901118419740425e-03 days-per-year f* f,
  -6.90460016972063023e-05 days-per-year f* f,  9.54791938424326609e-04 solar-mass f* f,
  8.34336671824457987e+00 f,  4.12479856412430479e+00 f,  -4.03523417114321381e-01 f,
  -2.76742510726862411e-03 days-per-year f* f,  4.99852801234917238e-03 days-per-year f* f,
  2.30417297573763929e-05 days-per-year f* f,  2.85885980666130812e-04 solar-mass f* f,
  1.28943695621391310e+01 f,  -1.51111514016986312e+01 f,  -2.23307578892655734e-01 f,
  2.96460137564761618e-03 days-per-year f* f,  2.37847173959480950e-03 days-per-year f* f,
  -2.96589568540237556e-05 days-per-year f* f,  4.36624404335156298e-05 solar-mass f* f,
  1.53796971148509165e+01 f,  -2.59193146099879641e+01 f,  1.79258772950371181e-01 f,
  2.68067772490389322e-03 days-per-year f* f,  1.62824170038242295e-03 days-per-year f* f,
  -9.51592254519715870e-05 days-per-year f* f,  5.15138902046611451e-05 solar-mass f* f,

: planet ( i -- addr )  /body * bodies + ;
: f+! ( F: r -- ) ( addr -- )  dup f@ f+ f! ;
: f-! ( F: r -- ) ( addr -- )  fnegate f+! ;

fvariable px  fvariable py  fvariable pz
: offset-momentum ( -- )
  0e px f!  0e py f!  0e pz f!
  #bodies 0 do
    i planet vx f@  i planet mass f@ f*  px f+!
    i planet vy f@  i planet mass f@ f*  py f+!
    i planet vz f@  i planet mass f@ f*  pz f+!
  loop
  px f@ fnegate solar-mass f/  0 planet vx f!
  py f@ fnegate solar-mass f/  0 planet vy f!
  pz f@ fnegate solar-mass f/  0 planet vz f! ;

fvariable dx  fvariable dy  fvariable dz
: delta ( b1 b2 -- b1 b2 ) ( F: -- d2 )   \ dx dy dz from b2 to b1, squared distance
  over x f@  dup x f@ f-  fdup dx f!  fdup f*
  over y f@  dup y f@ f-  fdup dy f!  fdup f* f+
  over z f@  dup z f@ f-  fdup dz f!  fdup f* f+ ;

: energy ( F: -- e )
  0e
  #bodies 0 do
    i planet
    0.5e dup mass f@ f*
    dup vx f@ fdup f*  dup vy f@ fdup f* f+  dup vz f@ fdup f* f+  f* f+
    #bodies i 1+ ?do
      i planet delta fsqrt
      over mass f@  mass f@ f*  fswap f/  f-
    loop drop
  loop ;

fvariable mag
: pull ( b1 b2 -- )   \ the pair's gravity changes both velocities
  delta  fdup fsqrt f*  timestep fswap f/  mag f!
  dx f@ dup  mass f@ f* mag f@ f*  over vx f-!
  dy f@ dup  mass f@ f* mag f@ f*  over vy f-!
  dz f@ dup  mass f@ f* mag f@ f*  over vz f-!
  dx f@ over mass f@ f* mag f@ f*  dup vx f+!
  dy f@ over mass f@ f* mag f@ f*  dup vy f+!
  dz f@ over mass f@ f* mag f@ f*  dup vz f+!
  2drop ;

: advance ( -- )
  #bodies 0 do
    #bodies i 1+ ?do  j planet i planet pull  loop
  loop
  #bodies 0 do
    i planet >r
    timestep r@ vx f@ f*  r@ x f+!
    timestep r@ vy f@ f*  r@ y f+!
    timestep r@ vz f@ f*  r@ z f+!
    r> drop
  loop ;

: .energy ( F: e -- )  1e9 f* f>d drop 0 .r ;
: run ( n -- )
  offset-momentum  ." nbody " energy .energy space
  0 ?do advance loop  energy .energy cr ;
: main ( -- ) 4000000 run ;
: small-main ( -- ) 1000 run ;
