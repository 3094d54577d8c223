export default function PairingsPage() {
  return null;
}
