import { ToastProvider } from "@/components/ui/toast";

export default function ControlRootLayout({ children }: { children: React.ReactNode }) {
  return <ToastProvider>{children}</ToastProvider>;
}
