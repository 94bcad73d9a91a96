export default function GuestsRoute() {
  return <h1 className="text-xl font-semibold">Guests</h1>;
}
