using Kith.Infrastructure;
using Kith.Infrastructure.Cli;

var builder = WebApplication.CreateBuilder(KithCli.HostArguments(args));
builder.AddKith();
var app = builder.Build();

if (KithCli.IsCommand(args))
{
    return await KithCli.RunAsync(app.Services, args, Console.In, Console.Out);
}

app.UseKith();
await app.RunAsync();
return 0;

public partial class Program;
