;; Cosine scans for the theme engine's centroid index, in WebAssembly SIMD (4 floats at a time).
;; Rows are `dims` float32s each (dims a multiple of 4), stored one after another from `rows`.
;; Rebuild the embedded binary after editing: npm run themes:wasm
(module
  (memory (export "memory") 1)

  ;; The dot product of the query at `query` with the row at `row`, over `bytes` bytes.
  (func $dot (param $query i32) (param $row i32) (param $bytes i32) (result f32)
    (local $i i32) (local $acc v128)
    (loop $dims
      (local.set $acc (f32x4.add (local.get $acc)
        (f32x4.mul (v128.load (i32.add (local.get $query) (local.get $i)))
                   (v128.load (i32.add (local.get $row) (local.get $i))))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $dims (i32.lt_u (local.get $i) (local.get $bytes))))
    (f32.add (f32.add (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
             (f32.add (f32x4.extract_lane 2 (local.get $acc)) (f32x4.extract_lane 3 (local.get $acc)))))

  ;; out[k] = query . row(slots[k]) for k < count; slots are int32 row numbers.
  (func (export "scanSlots") (param $query i32) (param $rows i32) (param $dims i32)
        (param $slots i32) (param $count i32) (param $out i32)
    (local $k i32) (local $bytes i32)
    (local.set $bytes (i32.shl (local.get $dims) (i32.const 2)))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (f32.store
          (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2)))
          (call $dot (local.get $query)
            (i32.add (local.get $rows)
              (i32.mul (i32.load (i32.add (local.get $slots) (i32.shl (local.get $k) (i32.const 2))))
                       (local.get $bytes)))
            (local.get $bytes)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $each))))

  ;; out[r] = query . row(r) for r < count.
  (func (export "scanAll") (param $query i32) (param $rows i32) (param $dims i32)
        (param $count i32) (param $out i32)
    (local $r i32) (local $bytes i32) (local $row i32)
    (local.set $bytes (i32.shl (local.get $dims) (i32.const 2)))
    (local.set $row (local.get $rows))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $r) (local.get $count)))
        (f32.store (i32.add (local.get $out) (i32.shl (local.get $r) (i32.const 2)))
          (call $dot (local.get $query) (local.get $row) (local.get $bytes)))
        (local.set $row (i32.add (local.get $row) (local.get $bytes)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $each))))
)
