;; The keyword automaton's walk (keywords.ts), in WebAssembly: compiled before it first runs,
;; it is fast from the first text on, where the same loop in JavaScript runs several times
;; slower until V8 has optimized it (some megabytes into a run: most of a 100 MB `validate`).
;; scripts/build-wasm.ts assembles this file into keywords-wasm.ts; a test checks that the
;; committed bytes are what this source assembles to.
;;
;; Memory, laid out by keywords.ts:
;;   0              the transition table: i32 byte offsets of rows, a row = 128 i32 (512 bytes);
;;                  the next state of state s at character c is at s + (c & 127) * 4
;;   text           the text, one byte per UTF-16 unit (its low byte)
;;   out            4 i32: where each walk's reports end; then the 4 walks' report regions of
;;                  `cap` (end offset, state) pairs each
;; A state at or beyond `first` has keywords ending in it: the walk reports it.
(module
  (memory (export "memory") 1)

  ;; Walks from address $p to $stop from state $s, reporting to $o; an end offset is the
  ;; address after the character minus $text. Returns where the reports end.
  (func $run (param $text i32) (param $p i32) (param $stop i32) (param $s i32) (param $first i32) (param $o i32) (result i32)
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $p) (local.get $stop)))
        (local.set $s
          (i32.load (i32.add (local.get $s) (i32.shl (i32.and (i32.load8_u (local.get $p)) (i32.const 127)) (i32.const 2)))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (if (i32.ge_u (local.get $s) (local.get $first))
          (then
            (i32.store (local.get $o) (i32.sub (local.get $p) (local.get $text)))
            (i32.store offset=4 (local.get $o) (local.get $s))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))))
        (br $step)))
    (local.get $o))

  ;; One walk over the whole text: its reports start at out + 16; returns where they end.
  (func (export "walk1") (param $text i32) (param $n i32) (param $first i32) (param $out i32) (result i32)
    (call $run (local.get $text) (local.get $text) (i32.add (local.get $text) (local.get $n)) (i32.const 0) (local.get $first)
      (i32.add (local.get $out) (i32.const 16))))

  ;; Four walks, one per quarter of the text, interleaved: each step of a walk waits for its
  ;; previous load, and the CPU overlaps four independent chains. Walk k >= 1 starts $warm
  ;; characters before its quarter (the longest keyword's length - 1, less than a quarter)
  ;; and reports only keywords that end in its quarter.
  (func (export "walk4") (param $text i32) (param $n i32) (param $first i32) (param $warm i32) (param $out i32) (param $cap i32)
    (local $q i32) (local $i i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $p1 i32) (local $p2 i32) (local $p3 i32)
    (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32)
    (local.set $q (i32.shr_u (local.get $n) (i32.const 2)))
    (local.set $o0 (i32.add (local.get $out) (i32.const 16)))
    (local.set $o1 (i32.add (local.get $o0) (i32.shl (local.get $cap) (i32.const 3))))
    (local.set $o2 (i32.add (local.get $o1) (i32.shl (local.get $cap) (i32.const 3))))
    (local.set $o3 (i32.add (local.get $o2) (i32.shl (local.get $cap) (i32.const 3))))
    (local.set $p1 (i32.sub (i32.add (local.get $text) (local.get $q)) (local.get $warm)))
    (local.set $p2 (i32.add (local.get $p1) (local.get $q)))
    (local.set $p3 (i32.add (local.get $p2) (local.get $q)))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $i) (local.get $q)))
        (local.set $s0
          (i32.load (i32.add (local.get $s0) (i32.shl (i32.and (i32.load8_u (i32.add (local.get $text) (local.get $i))) (i32.const 127)) (i32.const 2)))))
        (local.set $s1
          (i32.load (i32.add (local.get $s1) (i32.shl (i32.and (i32.load8_u (i32.add (local.get $p1) (local.get $i))) (i32.const 127)) (i32.const 2)))))
        (local.set $s2
          (i32.load (i32.add (local.get $s2) (i32.shl (i32.and (i32.load8_u (i32.add (local.get $p2) (local.get $i))) (i32.const 127)) (i32.const 2)))))
        (local.set $s3
          (i32.load (i32.add (local.get $s3) (i32.shl (i32.and (i32.load8_u (i32.add (local.get $p3) (local.get $i))) (i32.const 127)) (i32.const 2)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (if (i32.ge_u (local.get $s0) (local.get $first))
          (then
            (i32.store (local.get $o0) (local.get $i))
            (i32.store offset=4 (local.get $o0) (local.get $s0))
            (local.set $o0 (i32.add (local.get $o0) (i32.const 8)))))
        ;; Walks 1 to 3 report once past their warm-up ($i counts the characters read).
        (if (i32.and (i32.ge_u (local.get $s1) (local.get $first)) (i32.gt_u (local.get $i) (local.get $warm)))
          (then
            (i32.store (local.get $o1) (i32.sub (i32.add (local.get $p1) (local.get $i)) (local.get $text)))
            (i32.store offset=4 (local.get $o1) (local.get $s1))
            (local.set $o1 (i32.add (local.get $o1) (i32.const 8)))))
        (if (i32.and (i32.ge_u (local.get $s2) (local.get $first)) (i32.gt_u (local.get $i) (local.get $warm)))
          (then
            (i32.store (local.get $o2) (i32.sub (i32.add (local.get $p2) (local.get $i)) (local.get $text)))
            (i32.store offset=4 (local.get $o2) (local.get $s2))
            (local.set $o2 (i32.add (local.get $o2) (i32.const 8)))))
        (if (i32.and (i32.ge_u (local.get $s3) (local.get $first)) (i32.gt_u (local.get $i) (local.get $warm)))
          (then
            (i32.store (local.get $o3) (i32.sub (i32.add (local.get $p3) (local.get $i)) (local.get $text)))
            (i32.store offset=4 (local.get $o3) (local.get $s3))
            (local.set $o3 (i32.add (local.get $o3) (i32.const 8)))))
        (br $step)))
    ;; Walks 1 to 3 are $warm characters short of their quarter's end (the last one, of the text's).
    (i32.store (local.get $out) (local.get $o0))
    (i32.store offset=4 (local.get $out)
      (call $run (local.get $text) (i32.add (local.get $p1) (local.get $q)) (i32.add (local.get $p1) (i32.add (local.get $q) (local.get $warm)))
        (local.get $s1) (local.get $first) (local.get $o1)))
    (i32.store offset=8 (local.get $out)
      (call $run (local.get $text) (i32.add (local.get $p2) (local.get $q)) (i32.add (local.get $p2) (i32.add (local.get $q) (local.get $warm)))
        (local.get $s2) (local.get $first) (local.get $o2)))
    (i32.store offset=12 (local.get $out)
      (call $run (local.get $text) (i32.add (local.get $p3) (local.get $q)) (i32.add (local.get $text) (local.get $n))
        (local.get $s3) (local.get $first) (local.get $o3))))
)
