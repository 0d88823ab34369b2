#!/usr/bin/python3
"""Writes src/folds/cmu-mosei-std-folds.json from the SDK's cmu_mosei_std_folds.py.

    git -C <SDK clone> show HEAD:mmsdk/mmdatasdk/dataset/standard_datasets/CMU_MOSEI/cmu_mosei_std_folds.py > /tmp/folds.py
    /usr/bin/python3 scripts/extract-std-folds.py /tmp/folds.py $(git -C <SDK clone> rev-parse HEAD)

The file is parsed with ast.literal_eval (never executed).
"""
import ast
import json
import os
import sys

source, commit = sys.argv[1], sys.argv[2]
values = {}
for node in ast.parse(open(source).read()).body:
    if isinstance(node, ast.Assign):
        values[node.targets[0].id] = ast.literal_eval(node.value)
out = {
    'source': 'https://github.com/CMU-MultiComp-Lab/CMU-MultimodalSDK/blob/%s/mmsdk/mmdatasdk/dataset/standard_datasets/CMU_MOSEI/cmu_mosei_std_folds.py' % commit,
    'train': values['standard_train_fold'],
    'valid': values['standard_valid_fold'],
    'test': values['standard_test_fold'],
}
target = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'folds', 'cmu-mosei-std-folds.json')
with open(target, 'w') as f:
    json.dump(out, f, indent=0)
print({k: len(v) for k, v in out.items() if k != 'source'})
