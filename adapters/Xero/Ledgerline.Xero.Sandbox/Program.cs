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
    // The message without .NET's " (Parameter 'args')" suffix, which means nothing to someone at a prompt.
    Console.Error.WriteLine(ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal));
    Console.Error.WriteLine("Run with --help for every option.");
    return 2;
}

options.Urls ??= "http://127.0.0.1:5090";
await using var sandbox = await XeroSandbox.StartAsync(options);
await sandbox.WaitForShutdownAsync();
return 0;
