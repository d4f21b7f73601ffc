using Ledgerline.FreshBooks.Sandbox;

if (args.Any(a => a is "--help" or "-h" or "-?"))
{
    Console.WriteLine(SandboxOptions.Usage);
    return 0;
}

SandboxOptions options;
try
{
    options = SandboxOptions.FromCommandLine(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine("Run with --help for every option.");
    return 2;
}

options.Urls ??= "http://127.0.0.1:5080";
await using var sandbox = await FreshBooksSandbox.StartAsync(options);
await sandbox.WaitForShutdownAsync();
return 0;
