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
        Typed(services.GetService<IValidator<TDraft>>()),
        Typed(services.GetService<IValidator<TChanges>>()),
        Typed(services.GetService<IValidator<TQuery>>()));

    /// <summary>An entity whose own operation takes an input of type <typeparamref name="TAction"/>, validated like a draft.</summary>
    internal sealed class WithAction<TAction>(EntityKind kind, Func<StoreScope, TStore?, IReadOnlyList<StoreMiddleware>, TStore> open)
        : TypedLedgerEntity<TStore, TRecord, TDraft, TChanges, TQuery>(kind, open)
    {
        public override EntityValidators ResolveValidators(IServiceProvider services) =>
            base.ResolveValidators(services) with { Action = Typed(services.GetService<IValidator<TAction>>()) };
    }

    public override object OpenStore(StoreScope scope, object? provider, IReadOnlyList<StoreMiddleware> middleware) =>
        open(scope, provider as TStore, middleware);

    protected static Func<object, ValidationResult>? Typed<T>(IValidator<T>? validator) =>
        validator is null ? null : input => validator.Validate((T)input);
}
