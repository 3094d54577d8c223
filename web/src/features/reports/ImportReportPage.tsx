export default function ImportReportPage() {
  return null;
}
