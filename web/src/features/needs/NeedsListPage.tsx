export default function NeedsListPage() {
  return null;
}
