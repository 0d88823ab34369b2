;; The brute force's pairwise kernels (see ../brute-k-nearest.ts and ../brute-count.ts), in
;; WebAssembly with 128-bit SIMD. Source of kernel-bytes.ts: `npm run build:wasm` in
;; packages/estimators compiles this file with wabt (a devDependency) and writes the bytes there;
;; a test checks that the committed bytes are this file's.
;;
;; Memory holds one column layout (../column-layout.ts): `cols` dim × n f64, column-major;
;; per point i, 4 entries of `order` (i32 byte offsets c·n·8 into cols of i's most extreme
;; coordinates; a point with fewer repeats its first) and of `vals` (f64, i's values there).
;; Every distance is the max over coordinates of |x_ic − x_jc| in f64, which is the same value in
;; any order; repeated coordinates do not change a maximum.
;;
;; `rows` is a row-major copy, each row padded with zeros to `vecs` pairs of f64.
;;
;; Every test is `distance ≤ t`: strict counts (< r) pass t = the largest double below r, which
;; is the same test exactly (wasm-kernel.ts), so one code path serves both.
;;
;; Each row i meets the j of one tile in two stages. Stage 1 (`screen`) runs two j at a time
;; without branches: the max over i's first four coordinates against max(t_i, t_j), where t are
;; the radii (counts) or the current k-th distances (k-NN); a j that passes is appended to `cand`.
;; About 1 pair in 10 passes. Stage 2 gives each candidate its exact distance over the row-major
;; copy (`rowdist`, two coordinates at a time) and counts it or offers it to both neighbour lists.
(module
  (memory (export "memory") 1)

  ;; Stage 1 for row i over j in [js, j1): appends the j whose first four coordinates are within
  ;; max(t_i, t_j) to cand; returns how many. tb: byte address of t.
  (func $screen (param $cols i32) (param $orow i32) (param $vrow i32) (param $tb i32) (param $ti f64)
                (param $js i32) (param $j1 i32) (param $cand i32) (result i32)
    (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128) (local $tv v128)
    (local $j i32) (local $jb i32) (local $w i32) (local $a v128) (local $bits i32) (local $end i32)
    (local.set $o0 (i32.add (local.get $cols) (i32.load offset=0 (local.get $orow))))
    (local.set $o1 (i32.add (local.get $cols) (i32.load offset=4 (local.get $orow))))
    (local.set $o2 (i32.add (local.get $cols) (i32.load offset=8 (local.get $orow))))
    (local.set $o3 (i32.add (local.get $cols) (i32.load offset=12 (local.get $orow))))
    (local.set $v0 (f64x2.splat (f64.load offset=0 (local.get $vrow))))
    (local.set $v1 (f64x2.splat (f64.load offset=8 (local.get $vrow))))
    (local.set $v2 (f64x2.splat (f64.load offset=16 (local.get $vrow))))
    (local.set $v3 (f64x2.splat (f64.load offset=24 (local.get $vrow))))
    (local.set $tv (f64x2.splat (local.get $ti)))
    (local.set $j (local.get $js))
    ;; Pairs of j; an odd last j becomes a candidate unscreened (stage 2 decides).
    (local.set $end (i32.sub (local.get $j1) (i32.const 1)))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_s (local.get $j) (local.get $end)))
        (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
        (local.set $a (f64x2.abs (f64x2.sub (local.get $v0) (v128.load align=8 (i32.add (local.get $o0) (local.get $jb))))))
        (local.set $a (f64x2.pmax (local.get $a) (f64x2.abs (f64x2.sub (local.get $v1) (v128.load align=8 (i32.add (local.get $o1) (local.get $jb)))))))
        (local.set $a (f64x2.pmax (local.get $a) (f64x2.abs (f64x2.sub (local.get $v2) (v128.load align=8 (i32.add (local.get $o2) (local.get $jb)))))))
        (local.set $a (f64x2.pmax (local.get $a) (f64x2.abs (f64x2.sub (local.get $v3) (v128.load align=8 (i32.add (local.get $o3) (local.get $jb)))))))
        (local.set $bits (i64x2.bitmask
          (f64x2.le (local.get $a) (f64x2.pmax (local.get $tv) (v128.load align=8 (i32.add (local.get $tb) (local.get $jb)))))))
        (i32.store (i32.add (local.get $cand) (i32.shl (local.get $w) (i32.const 2))) (local.get $j))
        (local.set $w (i32.add (local.get $w) (i32.and (local.get $bits) (i32.const 1))))
        (i32.store (i32.add (local.get $cand) (i32.shl (local.get $w) (i32.const 2))) (i32.add (local.get $j) (i32.const 1)))
        (local.set $w (i32.add (local.get $w) (i32.shr_u (local.get $bits) (i32.const 1))))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $pairs)))
    (if (i32.lt_s (local.get $j) (local.get $j1))
      (then
        (i32.store (i32.add (local.get $cand) (i32.shl (local.get $w) (i32.const 2))) (local.get $j))
        (local.set $w (i32.add (local.get $w) (i32.const 1)))))
    (local.get $w))

;; The exact max-norm distance between rows at byte addresses ib and jb of the row-major copy,
  ;; four coordinates per step in two accumulators (vecs v128 per row).
  (func $rowdist (param $ib i32) (param $jb i32) (param $vecs i32) (result f64)
    (local $m v128) (local $m2 v128) (local $end i32) (local $a f64) (local $b f64)
    (local.set $end (i32.add (local.get $ib) (i32.shl (i32.and (local.get $vecs) (i32.const -2)) (i32.const 4))))
    (block $done
      (loop $v
        (br_if $done (i32.ge_u (local.get $ib) (local.get $end)))
        (local.set $m (f64x2.pmax (local.get $m) (f64x2.abs (f64x2.sub (v128.load align=8 (local.get $ib)) (v128.load align=8 (local.get $jb))))))
        (local.set $m2 (f64x2.pmax (local.get $m2) (f64x2.abs (f64x2.sub (v128.load offset=16 align=8 (local.get $ib)) (v128.load offset=16 align=8 (local.get $jb))))))
        (local.set $ib (i32.add (local.get $ib) (i32.const 32)))
        (local.set $jb (i32.add (local.get $jb) (i32.const 32)))
        (br $v)))
    (if (i32.and (local.get $vecs) (i32.const 1))
      (then (local.set $m (f64x2.pmax (local.get $m) (f64x2.abs (f64x2.sub (v128.load align=8 (local.get $ib)) (v128.load align=8 (local.get $jb))))))))
    (local.set $m (f64x2.pmax (local.get $m) (local.get $m2)))
    (local.set $a (f64x2.extract_lane 0 (local.get $m)))
    (local.set $b (f64x2.extract_lane 1 (local.get $m)))
    (select (local.get $b) (local.get $a) (f64.gt (local.get $b) (local.get $a))))

  ;; Radius counts of rows [i0, i1) against points [j0, j1) (diag: j > i only): each pair within
  ;; its t adds 1 to both points' counts (i32 at `counts`).
  (func (export "count") (param $cols i32) (param $order i32) (param $vals i32)
                          (param $rows i32) (param $vecs i32) (param $t i32) (param $counts i32) (param $cand i32)
                          (param $i0 i32) (param $i1 i32) (param $j0 i32) (param $j1 i32) (param $diag i32)
    (local $i i32) (local $ti f64) (local $w i32) (local $q i32) (local $j i32) (local $m f64) (local $ci i32)
    (local $cj i32) (local $irow i32)
    (local.set $i (local.get $i0))
    (block $rows_done
      (loop $each_row
        (br_if $rows_done (i32.ge_s (local.get $i) (local.get $i1)))
        (local.set $ti (f64.load (i32.add (local.get $t) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $w (call $screen (local.get $cols)
          (i32.add (local.get $order) (i32.shl (local.get $i) (i32.const 4)))
          (i32.add (local.get $vals) (i32.shl (local.get $i) (i32.const 5)))
          (local.get $t) (local.get $ti)
          (select (i32.add (local.get $i) (i32.const 1)) (local.get $j0) (local.get $diag)) (local.get $j1) (local.get $cand)))
        (local.set $irow (i32.add (local.get $rows) (i32.shl (i32.mul (local.get $i) (local.get $vecs)) (i32.const 4))))
        (local.set $ci (i32.const 0))
        (local.set $q (i32.const 0))
        (block $cand_done
          (loop $cands
            (br_if $cand_done (i32.ge_s (local.get $q) (local.get $w)))
            (local.set $j (i32.load (i32.add (local.get $cand) (i32.shl (local.get $q) (i32.const 2)))))
            (local.set $m (call $rowdist (local.get $irow)
              (i32.add (local.get $rows) (i32.shl (i32.mul (local.get $j) (local.get $vecs)) (i32.const 4))) (local.get $vecs)))
            (local.set $ci (i32.add (local.get $ci) (f64.le (local.get $m) (local.get $ti))))
            (local.set $cj (i32.add (local.get $counts) (i32.shl (local.get $j) (i32.const 2))))
            (i32.store (local.get $cj) (i32.add (i32.load (local.get $cj))
              (f64.le (local.get $m) (f64.load (i32.add (local.get $t) (i32.shl (local.get $j) (i32.const 3)))))))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $cands)))
        (local.set $cj (i32.add (local.get $counts) (i32.shl (local.get $i) (i32.const 2))))
        (i32.store (local.get $cj) (i32.add (i32.load (local.get $cj)) (local.get $ci)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each_row))))

  ;; Inserts (d, j) into the list of k (distance f64 at db, index i32 at xb) kept sorted by
  ;; (distance, index) if it beats the k-th entry; returns the (possibly new) k-th distance.
  (func $offer (param $db i32) (param $xb i32) (param $k i32) (param $d f64) (param $j i32) (result f64)
    (local $p i32) (local $worst f64) (local $dp f64) (local $ip i32)
    (local.set $p (i32.sub (local.get $k) (i32.const 1)))
    (local.set $worst (f64.load (i32.add (local.get $db) (i32.shl (local.get $p) (i32.const 3)))))
    (if (i32.or (f64.gt (local.get $d) (local.get $worst))
                (i32.and (f64.eq (local.get $d) (local.get $worst))
                         (i32.ge_s (local.get $j) (i32.load (i32.add (local.get $xb) (i32.shl (local.get $p) (i32.const 2)))))))
      (then (return (local.get $worst))))
    (block $placed
      (loop $shift
        (br_if $placed (i32.le_s (local.get $p) (i32.const 0)))
        (local.set $dp (f64.load (i32.add (local.get $db) (i32.shl (i32.sub (local.get $p) (i32.const 1)) (i32.const 3)))))
        (local.set $ip (i32.load (i32.add (local.get $xb) (i32.shl (i32.sub (local.get $p) (i32.const 1)) (i32.const 2)))))
        (br_if $placed (i32.or (f64.lt (local.get $dp) (local.get $d))
                               (i32.and (f64.eq (local.get $dp) (local.get $d)) (i32.lt_s (local.get $ip) (local.get $j)))))
        (f64.store (i32.add (local.get $db) (i32.shl (local.get $p) (i32.const 3))) (local.get $dp))
        (i32.store (i32.add (local.get $xb) (i32.shl (local.get $p) (i32.const 2))) (local.get $ip))
        (local.set $p (i32.sub (local.get $p) (i32.const 1)))
        (br $shift)))
    (f64.store (i32.add (local.get $db) (i32.shl (local.get $p) (i32.const 3))) (local.get $d))
    (i32.store (i32.add (local.get $xb) (i32.shl (local.get $p) (i32.const 2))) (local.get $j))
    (f64.load (i32.add (local.get $db) (i32.shl (i32.sub (local.get $k) (i32.const 1)) (i32.const 3)))))

  ;; k nearest neighbours of rows [i0, i1) among points [j0, j1) (diag: j > i only): each pair
  ;; within max(τ_i, τ_j) is offered to both lists (n × k distances at dist, indices at idx);
  ;; τ (f64 at tau) is each point's current bound on its k-th distance and only decreases.
  (func (export "knn") (param $cols i32) (param $order i32) (param $vals i32)
                        (param $rows i32) (param $vecs i32) (param $tau i32) (param $dist i32) (param $idx i32) (param $k i32)
                        (param $cand i32) (param $i0 i32) (param $i1 i32) (param $j0 i32) (param $j1 i32) (param $diag i32)
    (local $i i32) (local $ti f64) (local $tj f64) (local $w i32) (local $q i32) (local $j i32) (local $jb i32)
    (local $m f64) (local $kth f64) (local $irow i32)
    (local.set $i (local.get $i0))
    (block $rows_done
      (loop $each_row
        (br_if $rows_done (i32.ge_s (local.get $i) (local.get $i1)))
        (local.set $ti (f64.load (i32.add (local.get $tau) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $w (call $screen (local.get $cols)
          (i32.add (local.get $order) (i32.shl (local.get $i) (i32.const 4)))
          (i32.add (local.get $vals) (i32.shl (local.get $i) (i32.const 5)))
          (local.get $tau) (local.get $ti)
          (select (i32.add (local.get $i) (i32.const 1)) (local.get $j0) (local.get $diag)) (local.get $j1) (local.get $cand)))
        (local.set $irow (i32.add (local.get $rows) (i32.shl (i32.mul (local.get $i) (local.get $vecs)) (i32.const 4))))
        (local.set $q (i32.const 0))
        (block $cand_done
          (loop $cands
            (br_if $cand_done (i32.ge_s (local.get $q) (local.get $w)))
            (local.set $j (i32.load (i32.add (local.get $cand) (i32.shl (local.get $q) (i32.const 2)))))
            (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
            (local.set $tj (f64.load (i32.add (local.get $tau) (local.get $jb))))
            (local.set $m (call $rowdist (local.get $irow)
              (i32.add (local.get $rows) (i32.shl (i32.mul (local.get $j) (local.get $vecs)) (i32.const 4))) (local.get $vecs)))
            (if (f64.le (local.get $m) (local.get $ti))
              (then
                (local.set $kth (call $offer
                  (i32.add (local.get $dist) (i32.shl (i32.mul (local.get $i) (local.get $k)) (i32.const 3)))
                  (i32.add (local.get $idx) (i32.shl (i32.mul (local.get $i) (local.get $k)) (i32.const 2)))
                  (local.get $k) (local.get $m) (local.get $j)))
                (if (f64.lt (local.get $kth) (local.get $ti))
                  (then
                    (local.set $ti (local.get $kth))
                    (f64.store (i32.add (local.get $tau) (i32.shl (local.get $i) (i32.const 3))) (local.get $kth))))))
            (if (f64.le (local.get $m) (local.get $tj))
              (then
                (local.set $kth (call $offer
                  (i32.add (local.get $dist) (i32.shl (i32.mul (local.get $j) (local.get $k)) (i32.const 3)))
                  (i32.add (local.get $idx) (i32.shl (i32.mul (local.get $j) (local.get $k)) (i32.const 2)))
                  (local.get $k) (local.get $m) (local.get $i)))
                (if (f64.lt (local.get $kth) (local.get $tj))
                  (then (f64.store (i32.add (local.get $tau) (local.get $jb)) (local.get $kth))))))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $cands)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each_row))))
)
