using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Pipeline;

/// <summary>A <see cref="LedgerEntity"/> with its types, so that validators and stores are resolved without reflection.</summary>
internal class TypedLedgerEntity<TStore, TRecord, TDraft, TChanges, TQuery>(
    EntityKind kind,
    Func<StoreScope, TStore?, IReadOnlyList<StoreMiddleware>, TStore> open)
    : LedgerEntity(kind, typeof(TStore))
    where TStore : class, ILedgerStore<TRecord, TDraft, TChanges, TQuery>
    where TRecord : LedgerRecord
    where TDraft : class
    where TChanges : class
    where TQuery : RecordQuery
{
    public override EntityValidators ResolveValidators(IServiceProvider services) => new(
        Lazily<TDraft>(services),
        Lazily<TChanges>(services),
        Lazily<TQuery>(services));

    /// <summary>An entity whose own operation takes an input of type <typeparamref name="TAction"/>, validated like a draft.</summary>
    internal sealed class WithAction<TAction>(EntityKind kind, Func<StoreScope, TStore?, IReadOnlyList<StoreMiddleware>, TStore> open)
        : TypedLedgerEntity<TStore, TRecord, TDraft, TChanges, TQuery>(kind, open)
    {
        public override EntityValidators ResolveValidators(IServiceProvider services) =>
            base.ResolveValidators(services) with { Action = Lazily<TAction>(services) };
    }

    public override object OpenStore(StoreScope scope, object? provider, IReadOnlyList<StoreMiddleware> middleware) =>
        open(scope, provider as TStore, middleware);

    /// <summary>
    /// Validates with the registered <see cref="IValidator{T}"/>, resolved at the first input of that type: building a
    /// FluentValidation validator compiles its rules, so building every entity's up front cost a process about 0.15 s
    /// before its first call. Without a registered validator every input is valid.
    /// </summary>
    protected static Func<object, ValidationResult> Lazily<T>(IServiceProvider services)
    {
        var validator = new Lazy<IValidator<T>?>(services.GetService<IValidator<T>>, LazyThreadSafetyMode.ExecutionAndPublication);
        return input => validator.Value is { } v ? v.Validate((T)input) : new ValidationResult();
    }
}
