using WiseCx.Sandbox.Http;

namespace WiseCx.Sandbox.Endpoints;

/// <summary>GET /types, from the vendor's Spanish documentation: the same list, answered the same way, as GET /cases/types.</summary>
internal static class TypesEndpoints
{
    public static void Map(RouteGroupBuilder api) => api.MapGet("/types", CaseCatalogEndpoints.ListTypes).FromSpanishDocs();
}
