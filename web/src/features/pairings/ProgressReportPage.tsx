export default function ProgressReportPage() {
  return null;
}
