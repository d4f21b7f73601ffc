using Ledgerline.FreshBooks.Sandbox;

SandboxOptions options;
try
{
    options = SandboxOptions.FromCommandLine(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine("Usage: Ledgerline.FreshBooks.Sandbox [--urls http://127.0.0.1:5080] [--seed-clients N] [--seed-invoices N] " +
        "[--lines-per-invoice N] [--client-id ID] [--client-secret SECRET] [--redirect-uri URI] [--access-token-lifetime 43200] " +
        "[--fault 429:2@/accounting] [--no-default-data] [--quiet]");
    return 2;
}

options.Urls ??= "http://127.0.0.1:5080";
await using var sandbox = await FreshBooksSandbox.StartAsync(options);
await sandbox.WaitForShutdownAsync();
return 0;
