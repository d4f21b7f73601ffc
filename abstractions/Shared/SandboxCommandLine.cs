using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;

namespace Ledgerline.Sandboxes;

/// <summary>One command-line option of a sandbox tool and what its value sets on the sandbox's options.</summary>
/// <typeparam name="TOptions">The sandbox's options type.</typeparam>
/// <param name="Option">The System.CommandLine option: name, help text, value name, arity, parser.</param>
/// <param name="Apply">Sets what the option says on the options, when the option is on the command line.</param>
internal sealed record SandboxOption<TOptions>(Option Option, Action<ParseResult, TOptions> Apply)
{
    /// <summary>An option with a text value.</summary>
    public static SandboxOption<TOptions> Text(string name, string valueName, string description, Action<TOptions, string> apply) =>
        Value(name, valueName, description, v => v, apply);

    /// <summary>A repeatable option with a text value.</summary>
    public static SandboxOption<TOptions> Texts(string name, string valueName, string description, Action<TOptions, string> apply) =>
        Value(name, valueName, description, v => v, apply, repeatable: true);

    /// <summary>A non-negative integer, at most <paramref name="max"/> when one is given.</summary>
    public static SandboxOption<TOptions> Count(string name, string description, Action<TOptions, int> apply, int? max = null) =>
        Value(name, "N", description, v =>
            int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= (max ?? int.MaxValue)
                ? n
                : throw new FormatException(max is { } limit
                    ? $"Option {name} needs an integer from 0 to {limit.ToString(CultureInfo.InvariantCulture)}, not '{v}'."
                    : $"Option {name} needs a non-negative integer, not '{v}'."),
            apply);

    /// <summary>An option without a value.</summary>
    public static SandboxOption<TOptions> Flag(string name, string description, Action<TOptions> apply)
    {
        var option = new Option<bool>(name) { Description = description, Arity = ArgumentArity.Zero };
        return new SandboxOption<TOptions>(option, (result, options) =>
        {
            if (result.GetValue(option))
            {
                apply(options);
            }
        });
    }

    /// <summary>
    /// An option with a value read by <paramref name="parse"/>: an <see cref="ArgumentException"/>,
    /// <see cref="FormatException"/> or <see cref="OverflowException"/> from it is the parse error reported for the option.
    /// </summary>
    public static SandboxOption<TOptions> Value<T>(
        string name, string valueName, string description, Func<string, T> parse, Action<TOptions, T> apply, bool repeatable = false)
    {
        var option = new Option<T[]>(name)
        {
            Description = description,
            HelpName = valueName,
            // One value per occurrence; given again, a repeatable option adds a value and any other takes the last one.
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = argument =>
            {
                var values = new List<T>(argument.Tokens.Count);
                foreach (var token in argument.Tokens)
                {
                    try
                    {
                        values.Add(parse(token.Value));
                    }
                    catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
                    {
                        // The message without .NET's " (Parameter 'x')" suffix, and naming the option.
                        var message = ex is ArgumentException { ParamName: { } parameter }
                            ? ex.Message.Replace($" (Parameter '{parameter}')", "", StringComparison.Ordinal)
                            : ex.Message;
                        argument.AddError(message.Contains(name, StringComparison.Ordinal) ? message : $"Option {name} '{token.Value}': {message}");
                        return [];
                    }
                }

                return [.. values];
            },
        };
        option.Validators.Add(result =>
        {
            // "--seed 1 --seed": every occurrence needs its value, not only the first.
            if (result.Tokens.Count < result.IdentifierTokenCount)
            {
                result.AddError($"Option {name} needs a value.");
            }
        });
        return new SandboxOption<TOptions>(option, (result, options) =>
        {
            var values = result.GetValue(option) ?? [];
            foreach (var value in repeatable ? values : values.TakeLast(1))
            {
                apply(options, value);
            }
        });
    }
}

/// <summary>
/// A sandbox tool's command line on System.CommandLine, from its option definitions: parsing into the sandbox's options,
/// the generated <c>--help</c>, and the tool's run (errors answered with their messages and <see cref="InvalidArguments"/>).
/// One source file compiled into each sandbox tool.
/// </summary>
/// <typeparam name="TOptions">The sandbox's options type.</typeparam>
/// <param name="description">What the tool is: the top of <c>--help</c>.</param>
/// <param name="create">The options before the command line is applied.</param>
/// <param name="definitions">Every option, in the order <c>--help</c> lists them.</param>
internal sealed class SandboxCommandLine<TOptions>(string description, Func<TOptions> create, Func<IEnumerable<SandboxOption<TOptions>>> definitions)
{
    /// <summary>The exit code for a command line that does not parse (an unknown option, a missing or invalid value).</summary>
    public const int InvalidArguments = 2;

    /// <summary>The tool's command: every option, <c>--help</c> and <c>--version</c>; its action runs <paramref name="run"/>.</summary>
    public RootCommand Create(Func<TOptions, CancellationToken, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var (command, bindings) = Build();
        command.SetAction((result, cancellationToken) => run(Bind(result, bindings), cancellationToken));
        return command;
    }

    /// <summary>Reads the options; throws <see cref="ArgumentException"/> with every parse error's message.</summary>
    public TOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (command, bindings) = Build();
        var parsed = command.Parse(args);
        return parsed.Errors.Count > 0
            ? throw new ArgumentException(string.Join(Environment.NewLine, parsed.Errors.Select(e => e.Message)))
            : Bind(parsed, bindings);
    }

    /// <summary>Runs the tool: the help, or the errors and <see cref="InvalidArguments"/>, or <paramref name="run"/>'s exit code.</summary>
    public async Task<int> InvokeAsync(
        IReadOnlyList<string> args, Func<TOptions, CancellationToken, Task<int>> run, TextWriter? output, TextWriter? error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = Create(run).Parse(args);
        error ??= Console.Error;
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync("Run with --help for every option.");
            return InvalidArguments;
        }

        // The sandbox's host handles Ctrl+C and SIGTERM itself (a graceful stop), so System.CommandLine does not.
        var invocation = new InvocationConfiguration { Output = output ?? Console.Out, Error = error, ProcessTerminationTimeout = null };
        return await parsed.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>The generated <c>--help</c> text.</summary>
    public string HelpText()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        Create((_, _) => Task.FromResult(0)).Parse(["--help"]).Invoke(new InvocationConfiguration { Output = output });
        return output.ToString();
    }

    private (RootCommand Command, List<SandboxOption<TOptions>> Bindings) Build()
    {
        var bindings = definitions().ToList();
        var command = new RootCommand(description);
        foreach (var binding in bindings)
        {
            command.Options.Add(binding.Option);
        }

        return (command, bindings);
    }

    private TOptions Bind(ParseResult result, List<SandboxOption<TOptions>> bindings)
    {
        var options = create();
        foreach (var binding in bindings)
        {
            binding.Apply(result, options);
        }

        return options;
    }
}
