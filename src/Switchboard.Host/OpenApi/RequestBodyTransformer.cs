using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Switchboard.Api;

namespace Switchboard.Host.OpenApi;

/// <summary>
/// Describes the body of a handler marked <see cref="RequestBodyAttribute"/>: such handlers read the body themselves,
/// so the document generator, which only sees bound parameters, would otherwise show no request body at all.
/// </summary>
internal sealed class RequestBodyTransformer : IOpenApiOperationTransformer
{
    /// <inheritdoc />
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestBodyAttribute>().FirstOrDefault() is not { } body)
        {
            return;
        }

        var schema = await context.GetOrCreateSchemaAsync(body.Type, parameterDescription: null, cancellationToken).ConfigureAwait(false);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = body.ContentTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = schema }, StringComparer.Ordinal),
        };
    }
}
