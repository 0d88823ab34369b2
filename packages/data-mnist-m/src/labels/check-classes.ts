/** The label checks every MNIST / MNIST-M reader applies to the labels of a file as read. */
import { InvalidInputError } from '@cch-lab/core';

/**
 * Throws when `labels` (all of one file) hold a single class. MNIST-layout files hold every digit,
 * so one class means a wrong or damaged file, and it would leave nothing to classify.
 *
 * @param file The labels file, named in the message.
 */
export function checkSeveralClasses(labels: ArrayLike<number>, file: string): void {
  if (labels.length === 0) return;
  const first = labels[0];
  for (let i = 1; i < labels.length; i++) if (labels[i] !== first) return;
  throw new InvalidInputError(`every one of the ${labels.length} labels read is ${first}; classification needs at least two classes`, {
    details: { file, received: `${labels.length} × ${first}` },
    hint: 'the file is probably a filtered or damaged copy: fetch the original again',
  });
}
