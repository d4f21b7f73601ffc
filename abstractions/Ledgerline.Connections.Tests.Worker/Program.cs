// One app instance for the multi-process token refresh tests: it registers Ledgerline with FreshBooks (pointed at the
// test's sandbox) and the given connection store, says "ready", waits for "go" on standard input so every instance
// starts together, makes its calls concurrently and prints one line "done ok=N failed=N".
//
//   dotnet Ledgerline.Connections.Tests.Worker.dll --sandbox URL --client-id ID --client-secret SECRET
//          --store postgres|sqlite --target CONNECTION-STRING|PATH [--schema NAME] --connection ID --calls N
using System.Globalization;
using Ledgerline;
using Ledgerline.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

var settings = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    settings[args[i].TrimStart('-')] = args[i + 1];
}

string Setting(string name) =>
    settings.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");

var sandbox = new Uri(Setting("sandbox"));
var connectionId = Setting("connection");
var calls = int.Parse(Setting("calls"), CultureInfo.InvariantCulture);

var services = new ServiceCollection();
services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
var ledgerline = services.AddLedgerline().AddFreshBooks(o =>
{
    o.ClientId = Setting("client-id");
    o.ClientSecret = Setting("client-secret");
    o.ApiBaseUrl = sandbox;
    o.AuthBaseUrl = sandbox;
    o.RedirectUri = new Uri("http://127.0.0.1:5999/callback");
});
switch (Setting("store"))
{
    case "postgres":
        ledgerline.AddPostgreSqlConnections(o =>
        {
            o.ConnectionString = Setting("target");
            o.Schema = Setting("schema");
        });
        break;
    case "sqlite":
        ledgerline.AddSqliteConnections(Setting("target"));
        break;
    default:
        throw new ArgumentException("--store must be postgres or sqlite.");
}

await using var provider = services.BuildServiceProvider();

// Open the store before the start signal, so the race below is between refreshes, not between cold starts.
_ = await provider.GetRequiredService<IConnectionStore>().GetAsync(connectionId);
Console.WriteLine("ready");
if (Console.ReadLine() != "go")
{
    return 2;
}

var ledger = provider.GetRequiredService<ILedgerFactory>().Open(connectionId);
var outcomes = await Task.WhenAll(Enumerable.Range(0, calls).Select(async _ =>
{
    try
    {
        await ledger.Contacts.ListPageAsync();
        return null;
    }
    catch (LedgerlineException ex)
    {
        return $"{ex.GetType().Name}: {ex.Message}";
    }
}));

foreach (var error in outcomes.OfType<string>().Distinct(StringComparer.Ordinal))
{
    await Console.Error.WriteLineAsync(error);
}

var failed = outcomes.Count(o => o is not null);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done ok={calls - failed} failed={failed}"));
return failed == 0 ? 0 : 1;
