// Hugging Face's size_categories labels, exactly as the Hub lists them
// (https://huggingface.co/docs/hub/datasets-cards): the label for a dataset of n examples.
const LABELS = [
  [1e3, "n<1K"],
  [1e4, "1K<n<10K"],
  [1e5, "10K<n<100K"],
  [1e6, "100K<n<1M"],
  [1e7, "1M<n<10M"],
  [1e8, "10M<n<100M"],
  [1e9, "100M<n<1B"],
  [1e10, "1B<n<10B"],
  [1e11, "10B<n<100B"],
  [1e12, "100B<n<1T"],
] as const;

export function sizeCategory(n: number): string {
  for (const [below, label] of LABELS) if (n < below) return label;
  return "n>1T";
}
