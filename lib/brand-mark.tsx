/**
 * Ironlog's mark (app/icon.svg: a barbell on the brand blue) drawn with boxes, for the PNG icons
 * next/og renders for phones that install the app. `inset` leaves the margin a maskable icon needs
 * (the launcher may cut it to a circle).
 */
export const BRAND_BLUE = "#1f57d6";

export function BrandMark({ size, maskable = false }: { size: number; maskable?: boolean }) {
  // The SVG's 32-unit grid; a maskable icon keeps the bar within the middle 80 %.
  const unit = (maskable ? size * 0.7 : size) / 32;
  const box = (x: number, y: number, w: number, h: number, r: number) => (
    <div
      style={{
        position: "absolute",
        left: x * unit,
        top: y * unit,
        width: w * unit,
        height: h * unit,
        borderRadius: r * unit,
        background: "#fff",
      }}
    />
  );
  return (
    <div
      style={{
        width: size,
        height: size,
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: BRAND_BLUE,
        borderRadius: maskable ? 0 : 7 * unit,
      }}
    >
      <div style={{ position: "relative", width: 32 * unit, height: 32 * unit, display: "flex" }}>
        {box(5, 10, 4, 12, 1.5)}
        {box(23, 10, 4, 12, 1.5)}
        {box(9, 12.5, 2.5, 7, 1)}
        {box(20.5, 12.5, 2.5, 7, 1)}
        {box(11.5, 14.75, 9, 2.5, 1)}
      </div>
    </div>
  );
}
