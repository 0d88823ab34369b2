;; Elementwise and pooling kernels for the training step on tfjs's wasm backend, in WebAssembly
;; with 128-bit SIMD. They run on tfjs's own memory (imported as env.memory), on the byte
;; addresses of tensors tfjs allocated there (../simd-kernels.ts), so nothing is copied. Source of
;; kernels-bytes.ts: `npm run build:wasm` in packages/trainers (wabt, a devDependency); a test
;; checks that the committed bytes are this file's.
;;
;; Plain TypeScript loops over heap views were measured at ~6 ns an element here (V8 does not
;; treat views on wasm memory like its own typed arrays): slower than the stock C++ kernels they
;; meant to replace. These take a fraction of a nanosecond.
(module
  (import "env" "memory" (memory 1))

  ;; dx = dy where y > 0, else 0, over n floats (ReLU's gradient from its output).
  (func (export "relu_grad") (param $dy i32) (param $y i32) (param $dx i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $dx) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $done
      (loop $vec
        (br_if $done (i32.ge_u (local.get $dx) (local.get $end)))
        (v128.store (local.get $dx)
          (v128.and (v128.load (local.get $dy))
                    (f32x4.gt (v128.load (local.get $y)) (v128.const f32x4 0 0 0 0))))
        (local.set $dy (i32.add (local.get $dy) (i32.const 16)))
        (local.set $y (i32.add (local.get $y) (i32.const 16)))
        (local.set $dx (i32.add (local.get $dx) (i32.const 16)))
        (br $vec)))
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $n) (i32.const 3)) (i32.const 2))))
    (block $tail_done
      (loop $tail
        (br_if $tail_done (i32.ge_u (local.get $dx) (local.get $end)))
        (f32.store (local.get $dx)
          (select (f32.load (local.get $dy)) (f32.const 0) (f32.gt (f32.load (local.get $y)) (f32.const 0))))
        (local.set $dy (i32.add (local.get $dy) (i32.const 4)))
        (local.set $y (i32.add (local.get $y) (i32.const 4)))
        (local.set $dx (i32.add (local.get $dx) (i32.const 4)))
        (br $tail))))

  ;; out[r, c] = x[r, c] + b[c] over rows × cols floats; cols a multiple of 4 (the caller checks).
  (func (export "bias_add") (param $x i32) (param $b i32) (param $out i32) (param $rows i32) (param $cols i32)
    (local $end i32) (local $row_end i32) (local $bp i32) (local $row_bytes i32)
    (local.set $row_bytes (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $end (i32.add (local.get $out) (i32.mul (local.get $rows) (local.get $row_bytes))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (local.set $row_end (i32.add (local.get $out) (local.get $row_bytes)))
        (local.set $bp (local.get $b))
        (block $row_done
          (loop $col
            (br_if $row_done (i32.ge_u (local.get $out) (local.get $row_end)))
            (v128.store (local.get $out) (f32x4.add (v128.load (local.get $x)) (v128.load (local.get $bp))))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))
            (local.set $bp (i32.add (local.get $bp) (i32.const 16)))
            (local.set $out (i32.add (local.get $out) (i32.const 16)))
            (br $col)))
        (br $row))))

  ;; out[c] = Σ_r x[r, c] over rows × cols floats, each column summed in order in float64, then
  ;; rounded to float32; cols a multiple of 4 (the caller checks).
  (func (export "sum_rows") (param $x i32) (param $out i32) (param $rows i32) (param $cols i32)
    (local $c i32) (local $p i32) (local $end i32) (local $row_bytes i32) (local $v v128) (local $lo v128) (local $hi v128)
    (local.set $row_bytes (i32.shl (local.get $cols) (i32.const 2)))
    (block $done
      (loop $group
        (br_if $done (i32.ge_u (local.get $c) (local.get $cols)))
        (local.set $p (i32.add (local.get $x) (i32.shl (local.get $c) (i32.const 2))))
        (local.set $end (i32.add (local.get $p) (i32.mul (local.get $rows) (local.get $row_bytes))))
        (local.set $lo (v128.const f64x2 0 0))
        (local.set $hi (v128.const f64x2 0 0))
        (block $rows_done
          (loop $row
            (br_if $rows_done (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $v (v128.load (local.get $p)))
            (local.set $lo (f64x2.add (local.get $lo) (f64x2.promote_low_f32x4 (local.get $v))))
            (local.set $hi (f64x2.add (local.get $hi)
              (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))))
            (local.set $p (i32.add (local.get $p) (local.get $row_bytes)))
            (br $row)))
        (v128.store (i32.add (local.get $out) (i32.shl (local.get $c) (i32.const 2)))
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            (f32x4.demote_f64x2_zero (local.get $lo)) (f32x4.demote_f64x2_zero (local.get $hi))))
        (local.set $c (i32.add (local.get $c) (i32.const 4)))
        (br $group))))

  ;; Max-pool gradient for windows that tile the input (stride = window fh × fw, no padding), NHWC
  ;; with c a multiple of 4 (the caller checks). Each window's gradient goes to its first maximum in
  ;; row-major window order; every other input of the window gets 0. Inputs outside every window
  ;; (trailing rows or columns) are not written: the caller zeroes them.
  (func (export "max_pool_grad_tiled") (param $x i32) (param $g i32) (param $out i32)
        (param $batch i32) (param $h i32) (param $w i32) (param $c i32) (param $oh i32) (param $ow i32)
        (param $fh i32) (param $fw i32)
    (local $b i32) (local $oy i32) (local $ox i32) (local $cg i32) (local $base i32)
    (local $wy i32) (local $wx i32) (local $pos i32) (local $off i32)
    (local $best v128) (local $where v128) (local $v v128) (local $m v128) (local $gv v128)
    (local $row_bytes i32) (local $pixel_bytes i32) (local $c_bytes i32)
    (local.set $c_bytes (i32.shl (local.get $c) (i32.const 2)))
    (local.set $row_bytes (i32.mul (local.get $w) (local.get $c_bytes)))
    (local.set $pixel_bytes (local.get $c_bytes))
    (local.set $b (i32.const 0))
    (block $b_done (loop $b_loop
      (br_if $b_done (i32.ge_u (local.get $b) (local.get $batch)))
      (local.set $oy (i32.const 0))
      (block $oy_done (loop $oy_loop
        (br_if $oy_done (i32.ge_u (local.get $oy) (local.get $oh)))
        (local.set $ox (i32.const 0))
        (block $ox_done (loop $ox_loop
          (br_if $ox_done (i32.ge_u (local.get $ox) (local.get $ow)))
          (local.set $cg (i32.const 0))
          (block $cg_done (loop $cg_loop
            (br_if $cg_done (i32.ge_u (local.get $cg) (local.get $c_bytes)))
            ;; byte offset of window (b, oy, ox), channels cg … cg+3
            (local.set $base (i32.add
              (i32.add
                (i32.mul (i32.add (i32.mul (local.get $b) (local.get $h)) (i32.mul (local.get $oy) (local.get $fh))) (local.get $row_bytes))
                (i32.mul (i32.mul (local.get $ox) (local.get $fw)) (local.get $pixel_bytes)))
              (local.get $cg)))
            (local.set $best (v128.load (i32.add (local.get $x) (local.get $base))))
            (local.set $where (v128.const i32x4 0 0 0 0))
            (local.set $pos (i32.const 0))
            (local.set $wy (i32.const 0))
            (block $wy_done (loop $wy_loop
              (br_if $wy_done (i32.ge_u (local.get $wy) (local.get $fh)))
              (local.set $wx (i32.const 0))
              (block $wx_done (loop $wx_loop
                (br_if $wx_done (i32.ge_u (local.get $wx) (local.get $fw)))
                (local.set $off (i32.add (local.get $base)
                  (i32.add (i32.mul (local.get $wy) (local.get $row_bytes)) (i32.mul (local.get $wx) (local.get $pixel_bytes)))))
                (local.set $v (v128.load (i32.add (local.get $x) (local.get $off))))
                (local.set $m (f32x4.gt (local.get $v) (local.get $best)))
                (local.set $best (v128.bitselect (local.get $v) (local.get $best) (local.get $m)))
                (local.set $where (v128.bitselect (i32x4.splat (local.get $pos)) (local.get $where) (local.get $m)))
                (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
                (local.set $wx (i32.add (local.get $wx) (i32.const 1)))
                (br $wx_loop)))
              (local.set $wy (i32.add (local.get $wy) (i32.const 1)))
              (br $wy_loop)))
            (local.set $gv (v128.load (local.get $g)))
            (local.set $g (i32.add (local.get $g) (i32.const 16)))
            (local.set $pos (i32.const 0))
            (local.set $wy (i32.const 0))
            (block $sy_done (loop $sy_loop
              (br_if $sy_done (i32.ge_u (local.get $wy) (local.get $fh)))
              (local.set $wx (i32.const 0))
              (block $sx_done (loop $sx_loop
                (br_if $sx_done (i32.ge_u (local.get $wx) (local.get $fw)))
                (local.set $off (i32.add (local.get $base)
                  (i32.add (i32.mul (local.get $wy) (local.get $row_bytes)) (i32.mul (local.get $wx) (local.get $pixel_bytes)))))
                (v128.store (i32.add (local.get $out) (local.get $off))
                  (v128.and (local.get $gv) (i32x4.eq (local.get $where) (i32x4.splat (local.get $pos)))))
                (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
                (local.set $wx (i32.add (local.get $wx) (i32.const 1)))
                (br $sx_loop)))
              (local.set $wy (i32.add (local.get $wy) (i32.const 1)))
              (br $sy_loop)))
            (local.set $cg (i32.add (local.get $cg) (i32.const 16)))
            (br $cg_loop)))
          (local.set $ox (i32.add (local.get $ox) (i32.const 1)))
          (br $ox_loop)))
        (local.set $oy (i32.add (local.get $oy) (i32.const 1)))
        (br $oy_loop)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $b_loop))))

  ;; The filter gradient of a stride-1 NHWC convolution, co a multiple of 8 (the caller checks):
  ;;   dW[a, b, c, o] = Σ_{n, i, j} x[n, i + a − top, j + b − left, c] · dy[n, i, j, o]
  ;; over the (i, j) whose input pixel lies inside the image (zero padding contributes nothing).
  ;; For each filter tap (a, b), block of 4 input channels and block of 8 output channels, one pass
  ;; over the pixels keeps the 4 × 8 sums in registers; each sum runs in order in float32.
  (func (export "conv2d_filter_grad") (param $x i32) (param $dy i32) (param $out i32)
        (param $n i32) (param $h i32) (param $w i32) (param $ci i32)
        (param $oh i32) (param $ow i32) (param $co i32)
        (param $kh i32) (param $kw i32) (param $top i32) (param $left i32)
    (local $a i32) (local $b i32) (local $c0 i32) (local $cn i32) (local $o0 i32)
    (local $i0 i32) (local $i1 i32) (local $j0 i32) (local $j1 i32)
    (local $nb i32) (local $i i32) (local $j i32) (local $xp i32) (local $dp i32) (local $op i32)
    (local $x_pixel i32) (local $dy_pixel i32)
    (local $d0 v128) (local $d1 v128) (local $s v128)
    (local $a00 v128) (local $a01 v128) (local $a10 v128) (local $a11 v128)
    (local $a20 v128) (local $a21 v128) (local $a30 v128) (local $a31 v128)
    (local.set $x_pixel (i32.shl (local.get $ci) (i32.const 2)))
    (local.set $dy_pixel (i32.shl (local.get $co) (i32.const 2)))
    (local.set $a (i32.const 0))
    (block $a_done (loop $a_loop
      (br_if $a_done (i32.ge_s (local.get $a) (local.get $kh)))
      ;; output rows whose input row i + a − top is inside [0, h)
      (local.set $i0 (select (i32.sub (local.get $top) (local.get $a)) (i32.const 0)
        (i32.gt_s (i32.sub (local.get $top) (local.get $a)) (i32.const 0))))
      (local.set $i1 (i32.add (i32.sub (local.get $h) (local.get $a)) (local.get $top)))
      (local.set $i1 (select (local.get $oh) (local.get $i1) (i32.lt_s (local.get $oh) (local.get $i1))))
      (local.set $b (i32.const 0))
      (block $b_done (loop $b_loop
        (br_if $b_done (i32.ge_s (local.get $b) (local.get $kw)))
        (local.set $j0 (select (i32.sub (local.get $left) (local.get $b)) (i32.const 0)
          (i32.gt_s (i32.sub (local.get $left) (local.get $b)) (i32.const 0))))
        (local.set $j1 (i32.add (i32.sub (local.get $w) (local.get $b)) (local.get $left)))
        (local.set $j1 (select (local.get $ow) (local.get $j1) (i32.lt_s (local.get $ow) (local.get $j1))))
        (local.set $c0 (i32.const 0))
        (block $c_done (loop $c_loop
          (br_if $c_done (i32.ge_s (local.get $c0) (local.get $ci)))
          (local.set $cn (i32.sub (local.get $ci) (local.get $c0)))
          (local.set $cn (select (i32.const 4) (local.get $cn) (i32.gt_s (local.get $cn) (i32.const 4))))
          (local.set $o0 (i32.const 0))
          (block $o_done (loop $o_loop
            (br_if $o_done (i32.ge_s (local.get $o0) (local.get $co)))
            (local.set $a00 (v128.const i32x4 0 0 0 0)) (local.set $a01 (v128.const i32x4 0 0 0 0))
            (local.set $a10 (v128.const i32x4 0 0 0 0)) (local.set $a11 (v128.const i32x4 0 0 0 0))
            (local.set $a20 (v128.const i32x4 0 0 0 0)) (local.set $a21 (v128.const i32x4 0 0 0 0))
            (local.set $a30 (v128.const i32x4 0 0 0 0)) (local.set $a31 (v128.const i32x4 0 0 0 0))
            (local.set $nb (i32.const 0))
            (block $n_done (loop $n_loop
              (br_if $n_done (i32.ge_s (local.get $nb) (local.get $n)))
              (local.set $i (local.get $i0))
              (block $i_done (loop $i_loop
                (br_if $i_done (i32.ge_s (local.get $i) (local.get $i1)))
                (local.set $xp (i32.add (local.get $x) (i32.add
                  (i32.mul
                    (i32.add (i32.mul (i32.add (i32.mul (local.get $nb) (local.get $h)) (i32.sub (i32.add (local.get $i) (local.get $a)) (local.get $top))) (local.get $w))
                             (i32.sub (i32.add (local.get $j0) (local.get $b)) (local.get $left)))
                    (local.get $x_pixel))
                  (i32.shl (local.get $c0) (i32.const 2)))))
                (local.set $dp (i32.add (local.get $dy) (i32.add
                  (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $nb) (local.get $oh)) (local.get $i)) (local.get $ow)) (local.get $j0))
                           (local.get $dy_pixel))
                  (i32.shl (local.get $o0) (i32.const 2)))))
                (local.set $j (local.get $j0))
                (block $j_done (loop $j_loop
                  (br_if $j_done (i32.ge_s (local.get $j) (local.get $j1)))
                  (local.set $d0 (v128.load (local.get $dp)))
                  (local.set $d1 (v128.load offset=16 (local.get $dp)))
                  (local.set $s (f32x4.splat (f32.load (local.get $xp))))
                  (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $s) (local.get $d0))))
                  (local.set $a01 (f32x4.add (local.get $a01) (f32x4.mul (local.get $s) (local.get $d1))))
                  (if (i32.gt_s (local.get $cn) (i32.const 1)) (then
                    (local.set $s (f32x4.splat (f32.load offset=4 (local.get $xp))))
                    (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (local.get $s) (local.get $d0))))
                    (local.set $a11 (f32x4.add (local.get $a11) (f32x4.mul (local.get $s) (local.get $d1))))))
                  (if (i32.gt_s (local.get $cn) (i32.const 2)) (then
                    (local.set $s (f32x4.splat (f32.load offset=8 (local.get $xp))))
                    (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (local.get $s) (local.get $d0))))
                    (local.set $a21 (f32x4.add (local.get $a21) (f32x4.mul (local.get $s) (local.get $d1))))))
                  (if (i32.gt_s (local.get $cn) (i32.const 3)) (then
                    (local.set $s (f32x4.splat (f32.load offset=12 (local.get $xp))))
                    (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (local.get $s) (local.get $d0))))
                    (local.set $a31 (f32x4.add (local.get $a31) (f32x4.mul (local.get $s) (local.get $d1))))))
                  (local.set $xp (i32.add (local.get $xp) (local.get $x_pixel)))
                  (local.set $dp (i32.add (local.get $dp) (local.get $dy_pixel)))
                  (local.set $j (i32.add (local.get $j) (i32.const 1)))
                  (br $j_loop)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $i_loop)))
              (local.set $nb (i32.add (local.get $nb) (i32.const 1)))
              (br $n_loop)))
            ;; dW[a, b, c0 + k, o0 … o0 + 7] for the k < cn channels of the block
            (local.set $op (i32.add (local.get $out) (i32.shl
              (i32.add (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $a) (local.get $kw)) (local.get $b)) (local.get $ci)) (local.get $c0)) (local.get $co)) (local.get $o0))
              (i32.const 2))))
            (v128.store (local.get $op) (local.get $a00))
            (v128.store offset=16 (local.get $op) (local.get $a01))
            (if (i32.gt_s (local.get $cn) (i32.const 1)) (then
              (v128.store (i32.add (local.get $op) (local.get $dy_pixel)) (local.get $a10))
              (v128.store offset=16 (i32.add (local.get $op) (local.get $dy_pixel)) (local.get $a11))))
            (if (i32.gt_s (local.get $cn) (i32.const 2)) (then
              (v128.store (i32.add (local.get $op) (i32.shl (local.get $dy_pixel) (i32.const 1))) (local.get $a20))
              (v128.store offset=16 (i32.add (local.get $op) (i32.shl (local.get $dy_pixel) (i32.const 1))) (local.get $a21))))
            (if (i32.gt_s (local.get $cn) (i32.const 3)) (then
              (v128.store (i32.add (local.get $op) (i32.mul (local.get $dy_pixel) (i32.const 3))) (local.get $a30))
              (v128.store offset=16 (i32.add (local.get $op) (i32.mul (local.get $dy_pixel) (i32.const 3))) (local.get $a31))))
            (local.set $o0 (i32.add (local.get $o0) (i32.const 8)))
            (br $o_loop)))
          (local.set $c0 (i32.add (local.get $c0) (i32.const 4)))
          (br $c_loop)))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br $b_loop)))
      (local.set $a (i32.add (local.get $a) (i32.const 1)))
      (br $a_loop))))

  ;; One Adam / AdamW step over n floats, written to new buffers (θ's old values may be shared
  ;; with a checkpoint): the same float32 operations, in the same order, as the tfjs-op optimizer
  ;; (../../../optimizers.ts), so the results are bit-identical to it:
  ;;   g' = g + θ·l2 (when l2 ≠ 0);  m' = m·β1 + g'·(1 − β1);  v' = v·β2 + g'²·(1 − β2)
  ;;   θ' = θ − (m' / (√v'·rc + ε))·step, then θ' − θ·decay (when decay ≠ 0)
  (func (export "adam_step") (param $theta i32) (param $m i32) (param $v i32) (param $g i32)
        (param $theta_out i32) (param $m_out i32) (param $v_out i32) (param $n i32)
        (param $beta1 f32) (param $one_minus_beta1 f32) (param $beta2 f32) (param $one_minus_beta2 f32)
        (param $rc f32) (param $eps f32) (param $step f32) (param $l2 f32) (param $decay f32)
    (local $i i32) (local $off i32) (local $end i32)
    (local $t v128) (local $gv v128) (local $m1 v128) (local $v1 v128) (local $next v128)
    (local $b1 v128) (local $c1 v128) (local $b2 v128) (local $c2 v128) (local $rcv v128) (local $epsv v128)
    (local $stepv v128) (local $l2v v128) (local $decayv v128)
    (local $use_l2 i32) (local $use_decay i32)
    (local $ts f32) (local $gs f32) (local $m1s f32) (local $v1s f32) (local $nexts f32)
    (local.set $b1 (f32x4.splat (local.get $beta1)))
    (local.set $c1 (f32x4.splat (local.get $one_minus_beta1)))
    (local.set $b2 (f32x4.splat (local.get $beta2)))
    (local.set $c2 (f32x4.splat (local.get $one_minus_beta2)))
    (local.set $rcv (f32x4.splat (local.get $rc)))
    (local.set $epsv (f32x4.splat (local.get $eps)))
    (local.set $stepv (f32x4.splat (local.get $step)))
    (local.set $l2v (f32x4.splat (local.get $l2)))
    (local.set $decayv (f32x4.splat (local.get $decay)))
    (local.set $use_l2 (f32.ne (local.get $l2) (f32.const 0)))
    (local.set $use_decay (f32.ne (local.get $decay) (f32.const 0)))
    (local.set $end (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2)))
    (block $done
      (loop $vec
        (br_if $done (i32.ge_u (local.get $off) (local.get $end)))
        (local.set $t (v128.load (i32.add (local.get $theta) (local.get $off))))
        (local.set $gv (v128.load (i32.add (local.get $g) (local.get $off))))
        (if (local.get $use_l2) (then
          (local.set $gv (f32x4.add (local.get $gv) (f32x4.mul (local.get $t) (local.get $l2v))))))
        (local.set $m1 (f32x4.add
          (f32x4.mul (v128.load (i32.add (local.get $m) (local.get $off))) (local.get $b1))
          (f32x4.mul (local.get $gv) (local.get $c1))))
        (local.set $v1 (f32x4.add
          (f32x4.mul (v128.load (i32.add (local.get $v) (local.get $off))) (local.get $b2))
          (f32x4.mul (f32x4.mul (local.get $gv) (local.get $gv)) (local.get $c2))))
        (local.set $next (f32x4.sub (local.get $t)
          (f32x4.mul
            (f32x4.div (local.get $m1) (f32x4.add (f32x4.mul (f32x4.sqrt (local.get $v1)) (local.get $rcv)) (local.get $epsv)))
            (local.get $stepv))))
        (if (local.get $use_decay) (then
          (local.set $next (f32x4.sub (local.get $next) (f32x4.mul (local.get $t) (local.get $decayv))))))
        (v128.store (i32.add (local.get $m_out) (local.get $off)) (local.get $m1))
        (v128.store (i32.add (local.get $v_out) (local.get $off)) (local.get $v1))
        (v128.store (i32.add (local.get $theta_out) (local.get $off)) (local.get $next))
        (local.set $off (i32.add (local.get $off) (i32.const 16)))
        (br $vec)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $tail_done
      (loop $tail
        (br_if $tail_done (i32.ge_u (local.get $off) (local.get $end)))
        (local.set $ts (f32.load (i32.add (local.get $theta) (local.get $off))))
        (local.set $gs (f32.load (i32.add (local.get $g) (local.get $off))))
        (if (local.get $use_l2) (then
          (local.set $gs (f32.add (local.get $gs) (f32.mul (local.get $ts) (local.get $l2))))))
        (local.set $m1s (f32.add
          (f32.mul (f32.load (i32.add (local.get $m) (local.get $off))) (local.get $beta1))
          (f32.mul (local.get $gs) (local.get $one_minus_beta1))))
        (local.set $v1s (f32.add
          (f32.mul (f32.load (i32.add (local.get $v) (local.get $off))) (local.get $beta2))
          (f32.mul (f32.mul (local.get $gs) (local.get $gs)) (local.get $one_minus_beta2))))
        (local.set $nexts (f32.sub (local.get $ts)
          (f32.mul
            (f32.div (local.get $m1s) (f32.add (f32.mul (f32.sqrt (local.get $v1s)) (local.get $rc)) (local.get $eps)))
            (local.get $step))))
        (if (local.get $use_decay) (then
          (local.set $nexts (f32.sub (local.get $nexts) (f32.mul (local.get $ts) (local.get $decay))))))
        (f32.store (i32.add (local.get $m_out) (local.get $off)) (local.get $m1s))
        (f32.store (i32.add (local.get $v_out) (local.get $off)) (local.get $v1s))
        (f32.store (i32.add (local.get $theta_out) (local.get $off)) (local.get $nexts))
        (local.set $off (i32.add (local.get $off) (i32.const 4)))
        (br $tail))))
)
