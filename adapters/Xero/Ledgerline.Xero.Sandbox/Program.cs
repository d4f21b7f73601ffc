using Ledgerline.Xero.Sandbox;

// The options, their help and validation: XeroSandboxCommandLine (System.CommandLine).
return await XeroSandboxCommandLine.InvokeAsync(args, async (options, cancellationToken) =>
{
    options.Urls ??= "http://127.0.0.1:5090";
    await using var sandbox = await XeroSandbox.StartAsync(options, cancellationToken);
    await sandbox.WaitForShutdownAsync(cancellationToken);
    return 0;
});
