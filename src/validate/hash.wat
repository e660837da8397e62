;; The duplicate check's hash (hash-set.ts), in WebAssembly: 64-bit arithmetic, and fast from
;; the first record on (the same loop in JavaScript, on 32-bit halves, ran several times slower
;; until V8 optimized it, and took a tenth of a 100 MB `validate`). MurmurHash3's x64 mixing,
;; one 64-bit lane: not cryptographic (a forged duplicate is only a false warning), but every
;; byte moves the whole state. scripts/build-wasm.ts assembles this file into hash-wasm.ts; a
;; test checks that the committed bytes are what this source assembles to.
;;
;; Memory, laid out by hash-set.ts: the result at 0 (8 bytes), the bytes to hash from 64.
(module
  (memory (export "memory") 1)
  (global $h (mut i64) (i64.const 0))

  (func (export "reset")
    (global.set $h (i64.const 0x9747b28c2d358dcc)))

  ;; Mixes the $n 8-byte words from address $p into the state.
  (func (export "mix") (param $p i32) (param $n i32)
    (local $h i64) (local $end i32)
    (local.set $h (global.get $h))
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $h
          (i64.add
            (i64.mul
              (i64.rotl
                (i64.xor (local.get $h)
                  (i64.mul (i64.rotl (i64.mul (i64.load (local.get $p)) (i64.const 0x87c37b91114253d5)) (i64.const 31))
                    (i64.const 0x4cf5ad432745937f)))
                (i64.const 27))
              (i64.const 5))
            (i64.const 0x52dce729)))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $step)))
    (global.set $h (local.get $h)))

  ;; The state with the number of bytes hashed, through MurmurHash3's finalizer, at address 0.
  (func (export "finish") (param $total i32)
    (local $h i64)
    (local.set $h (i64.xor (global.get $h) (i64.extend_i32_u (local.get $total))))
    (local.set $h (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 33))))
    (local.set $h (i64.mul (local.get $h) (i64.const 0xff51afd7ed558ccd)))
    (local.set $h (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 33))))
    (local.set $h (i64.mul (local.get $h) (i64.const 0xc4ceb9fe1a85ec53)))
    (local.set $h (i64.xor (local.get $h) (i64.shr_u (local.get $h) (i64.const 33))))
    (i64.store (i32.const 0) (local.get $h)))
)
