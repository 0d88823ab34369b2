#!/usr/bin/env python3
"""Convert the common word-aligned CMU-MOSEI pickle to the `arrays` layout cch-lab's loader reads.

The pickle (`mosei_senti_data.pkl`, as used by MulT, MISA and others) is a dict
    {'train' | 'valid' | 'test': {'text': (N, 50, 300), 'audio': (N, 50, 74), 'vision': (N, 50, 35),
                                  'labels': (N, 1, 1), 'id': ...}}
and this writes, for each split,
    <out>/<split>/text.npy  audio.npy  vision.npy  labels.npy     (float32, shapes as in the pickle)
    <out>/<split>/ids.txt                                         (the pickle's `id` rows, one a line; not read by the loader)
plus <out>/convert.json (source, shapes, counts of non-finite values).

Values are copied as they are: COVAREP's -inf (and any NaN) stay in audio.npy; the loader counts
them and replaces them by 0 before its mean, as it does for the .csd files. Only numpy and the
standard library are used. Unpickling runs code from the file: convert only a pickle you trust.

usage: python3 data-scripts/mosei/convert-aligned-pickle.py mosei_senti_data.pkl [--out data/mosei] [--force]
then:  npx cch run configs/mosei.yaml --set data.layout=arrays --set data.path=data/mosei
Exit status: 0 success, 1 a file or structure problem (the message names it), 2 a usage error.
"""
import argparse
import datetime
import json
import os
import pickle
import sys

import numpy as np

SPLITS = ('train', 'valid', 'test')
MODALITIES = ('text', 'audio', 'vision', 'labels')
WIDTHS = {'text': 300, 'audio': 74, 'vision': 35}  # GloVe, COVAREP, FACET 4.2


class Fail(Exception):
    pass


def id_line(row):
    """One `id` entry as a line: its fields joined by tabs, bytes decoded."""
    if isinstance(row, bytes):
        return row.decode('utf-8', 'replace')
    if isinstance(row, (list, tuple, np.ndarray)):
        return '\t'.join(id_line(x) for x in np.asarray(row, dtype=object).ravel())
    return str(row)


def save_atomic(path, array):
    tmp = f'{path}.tmp-{os.getpid()}'
    with open(tmp, 'wb') as f:
        np.save(f, array, allow_pickle=False)
    os.replace(tmp, path)


def check_split(name, split):
    if not isinstance(split, dict):
        raise Fail(f"['{name}'] is a {type(split).__name__}, expected a dict with {', '.join(MODALITIES)}")
    missing = [m for m in MODALITIES if m not in split]
    if missing:
        raise Fail(f"['{name}'] has no {', '.join(missing)} (it has: {', '.join(map(str, split))})")
    arrays = {m: np.asarray(split[m]) for m in MODALITIES}
    n = arrays['labels'].shape[0] if arrays['labels'].ndim else -1
    for m, a in arrays.items():
        if a.dtype.kind not in 'fiub':
            raise Fail(f"['{name}']['{m}'] has dtype {a.dtype}, expected numbers")
        if a.ndim == 0 or a.shape[0] != n:
            raise Fail(f"['{name}']['{m}'] has shape {a.shape}; every array of a split needs the same first dimension "
                       f"(labels has {n})")
        if m in WIDTHS:
            if a.ndim != 3:
                raise Fail(f"['{name}']['{m}'] has shape {a.shape}, expected (N, time, {WIDTHS[m]})")
            if a.shape[2] != WIDTHS[m]:
                print(f"  WARNING: ['{name}']['{m}'] is {a.shape[2]} wide, not {WIDTHS[m]}: not the GloVe / COVAREP / "
                      f"FACET 4.2 features the loader expects?", file=sys.stderr)
    if arrays['labels'].size != n:
        raise Fail(f"['{name}']['labels'] has shape {arrays['labels'].shape}, expected one score a segment, e.g. (N, 1, 1)")
    return arrays


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0],
                                epilog='Layout and checks: data-scripts/mosei/README.md')
    p.add_argument('pickle', help='the word-aligned pickle, e.g. mosei_senti_data.pkl')
    p.add_argument('--out', default='data/mosei', help='layout root (default data/mosei): <out>/<split>/*.npy')
    p.add_argument('--force', action='store_true', help='replace .npy files already there')
    o = p.parse_args(argv)
    if not os.path.isfile(o.pickle):
        p.error(f'{o.pickle}: no such file')

    existing = [os.path.join(o.out, s, f'{m}.npy') for s in SPLITS for m in MODALITIES]
    existing = [f for f in existing if os.path.exists(f)]
    if existing and not o.force:
        raise Fail(f'{existing[0]} (and {len(existing) - 1} more) already there; --force replaces them')

    print(f'reading {o.pickle} ({os.path.getsize(o.pickle) / 2**20:.1f} MiB; the whole pickle is held in memory)')
    with open(o.pickle, 'rb') as f:
        data = pickle.load(f, encoding='latin1')  # latin1: pickles written by Python 2 hold byte strings
    if not isinstance(data, dict) or any(s not in data for s in SPLITS):
        keys = ', '.join(map(str, data)) if isinstance(data, dict) else type(data).__name__
        raise Fail(f"{o.pickle}: expected a dict with 'train', 'valid', 'test', got {keys}")

    checked = {s: check_split(s, data[s]) for s in SPLITS}  # check all splits before writing any
    summary = {'source': os.path.abspath(o.pickle), 'sourceBytes': os.path.getsize(o.pickle),
               'convertedAt': datetime.datetime.now(datetime.timezone.utc).isoformat(), 'layout': 'arrays', 'splits': {}}
    for s in SPLITS:
        d = os.path.join(o.out, s)
        os.makedirs(d, exist_ok=True)
        info = {}
        for m, a in checked[s].items():
            a32 = np.ascontiguousarray(a, dtype=np.float32)
            save_atomic(os.path.join(d, f'{m}.npy'), a32)
            info[m] = {'shape': list(a32.shape), 'nonFinite': int(a32.size - np.count_nonzero(np.isfinite(a32)))}
        ids = data[s].get('id')
        if ids is not None:
            with open(os.path.join(d, 'ids.txt'), 'w', encoding='utf-8') as f:
                f.writelines(id_line(r) + '\n' for r in ids)
        summary['splits'][s] = info
        print(f'  {s:5} {info["labels"]["shape"][0]:6} segments: '
              + ', '.join(f'{m} {tuple(i["shape"])}' + (f' ({i["nonFinite"]} non-finite)' if i['nonFinite'] else '')
                          for m, i in info.items()))
    with open(os.path.join(o.out, 'convert.json'), 'w', encoding='utf-8') as f:
        json.dump(summary, f, indent=2)
        f.write('\n')
    print(f'wrote {o.out}/<split>/{{{",".join(MODALITIES)}}}.npy; '
          f'run with --set data.layout=arrays --set data.path={o.out}')


if __name__ == '__main__':
    try:
        main(sys.argv[1:])
    except Fail as e:
        print(f'convert-aligned-pickle: {e}', file=sys.stderr)
        sys.exit(1)
