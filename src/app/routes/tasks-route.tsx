export default function TasksRoute() {
  return <h1 className="text-xl font-semibold">Tasks</h1>;
}
