export default function NewNeedPage() {
  return null;
}
