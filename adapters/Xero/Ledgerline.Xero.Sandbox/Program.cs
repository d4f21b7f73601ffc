using Ledgerline.Xero.Sandbox;

if (XeroSandboxOptions.WantsHelp(args))
{
    Console.WriteLine(XeroSandboxOptions.HelpText);
    return 0;
}

XeroSandboxOptions options;
try
{
    options = XeroSandboxOptions.FromCommandLine(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(XeroSandboxOptions.HelpText);
    return 2;
}

options.Urls ??= "http://127.0.0.1:5090";
await using var sandbox = await XeroSandbox.StartAsync(options);
await sandbox.WaitForShutdownAsync();
return 0;
