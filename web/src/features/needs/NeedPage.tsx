export default function NeedPage() {
  return null;
}
