namespace Ledgerline.Pipeline;

/// <summary>One application middleware, in registration order. <see cref="Type"/> is set for <c>UseStoreMiddleware&lt;T&gt;()</c>, which adds a type once.</summary>
internal sealed class StoreMiddlewareRegistration(Type? type, Func<IServiceProvider, StoreMiddleware> create)
{
    public Type? Type { get; } = type;

    public StoreMiddleware Create(IServiceProvider services) =>
        create(services) ?? throw new InvalidOperationException("A store middleware factory registered with UseStoreMiddleware returned null.");
}
