export default function NeedMatchesPage() {
  return null;
}
