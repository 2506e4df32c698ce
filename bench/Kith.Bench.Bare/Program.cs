// The baseline for the benchmarks: Kestrel answering every request with the bytes of a captured Kith page,
// no database, no authentication, no Razor. Kith's req/s as a share of this is what its own work costs.
//   kith-bench-bare --urls http://127.0.0.1:5099 --body captured.html
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var body = await File.ReadAllBytesAsync(app.Configuration["body"] ?? throw new InvalidOperationException("--body FILE is required"));
app.Run(context =>
{
    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
});
await app.RunAsync();
