export function FennecMark() {
  return (
    <span aria-hidden="true" className="flex size-9 items-center justify-center rounded-md bg-orange-600 text-lg font-bold text-white">
      F
    </span>
  );
}
