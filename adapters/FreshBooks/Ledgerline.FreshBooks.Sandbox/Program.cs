using Ledgerline.FreshBooks.Sandbox;

// The options, their help and validation: FreshBooksSandboxCommandLine (System.CommandLine).
return await FreshBooksSandboxCommandLine.InvokeAsync(args, async (options, cancellationToken) =>
{
    options.Urls ??= "http://127.0.0.1:5080";
    await using var sandbox = await FreshBooksSandbox.StartAsync(options, cancellationToken);
    await sandbox.WaitForShutdownAsync(cancellationToken);
    return 0;
});
