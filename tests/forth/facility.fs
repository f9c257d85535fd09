\ SPDX-License-Identifier: MIT
\ FACILITY and FACILITY EXT beyond what the standard suite checks. EKEY's
\ decoding of escape sequences and UTF-8 is tested from C++ with a pipe on
\ stdin (tests/unit/facility_test.cpp); here only words that cannot block.

\ ------------------------------------------------------------------------------
testing BEGIN-STRUCTURE END-STRUCTURE +FIELD FIELD: CFIELD:
begin-structure point
  field: p.x
  field: p.y
end-structure
t{ point -> 16 }t
t{ 100 p.x 100 p.y -> 100 108 }t
: point-size ( -- n ) point ;
t{ point-size -> 16 }t
: y-of ( addr -- addr' ) p.y ;
t{ 0 y-of -> 8 }t
t{ ' p.y >body @ -> 8 }t

begin-structure mixed
  cfield: m.tag
  field:  m.value     \ aligned to the next cell
  cfield: m.flag
  3 +field m.rest
  -1 +field m.back    \ a negative size moves the offset back
  0 +field m.here
end-structure
t{ 0 m.tag 0 m.value 0 m.flag 0 m.rest 0 m.back 0 m.here -> 0 8 16 17 20 19 }t
t{ mixed -> 19 }t

testing fields with offsets beyond 32 bits
begin-structure huge
  $100000000 +field h.gap
  field: h.after
end-structure
t{ 0 h.after 1 h.gap -> $100000000 1 }t
t{ huge -> $100000008 }t

testing END-STRUCTURE checks its struct-sys
: bad-end ( -- ior ) 1 2 ['] end-structure catch nip nip ;
t{ bad-end -> -22 }t
begin-structure outer
  begin-structure inner  cfield: i.a  end-structure
  inner +field o.inner
end-structure
t{ inner outer -> 1 1 }t

\ ------------------------------------------------------------------------------
testing key codes, as in Gforth
t{ k-left k-right k-up k-down -> $80000000 $80000001 $80000002 $80000003 }t
t{ k-home k-end k-prior k-next -> $80000004 $80000005 $80000006 $80000007 }t
t{ k-insert k-delete -> $80000008 $80000009 }t
t{ k-f1 k-f2 k-f3 k-f4 k-f5 k-f6 -> $8000000A $8000000B $8000000C $8000000D $8000000E $8000000F }t
t{ k-f7 k-f8 k-f9 k-f10 k-f11 k-f12 -> $80000010 $80000011 $80000012 $80000013 $80000014 $80000015 }t
t{ k-shift-mask k-ctrl-mask k-alt-mask -> $40000000 $20000000 $10000000 }t
: up-code ( -- u ) k-up ;
t{ up-code -> $80000002 }t

testing EKEY>CHAR EKEY>FKEY
t{ char a ekey>char -> char a -1 }t
t{ 127 ekey>char -> 127 -1 }t
t{ 228 ekey>char -> 228 0 }t          \ an xchar, not a char
t{ k-up ekey>char -> k-up 0 }t
t{ k-up ekey>fkey -> k-up -1 }t
t{ k-f5 k-shift-mask or k-ctrl-mask or ekey>fkey -> k-f5 k-shift-mask or k-ctrl-mask or -1 }t
t{ char a ekey>fkey -> char a 0 }t
t{ $7FFFFFFF ekey>fkey -> $7FFFFFFF 0 }t

testing KEY? EKEY? EMIT? answer without waiting
: flag? ( x -- flag ) dup 0= swap -1 = or ;
t{ key? flag? ekey? flag? emit? flag? -> -1 -1 -1 }t

\ ------------------------------------------------------------------------------
testing TIME&DATE gives plausible values
: in? ( n lo hi -- flag ) 1+ within ;
: date-ok? ( +n1 +n2 +n3 +n4 +n5 +n6 -- flag )
  2000 3000 in? >r  1 12 in? >r  1 31 in? >r  0 23 in? >r  0 59 in? >r  0 60 in?
  r> and r> and r> and r> and r> and ;
t{ time&date date-ok? -> -1 }t

testing MS waits
t{ 0 ms -5 ms 1 ms -> }t

testing AT-XY PAGE run (their escape sequences go to stdout)
t{ page 0 0 at-xy -> }t
