namespace WiseCx.Sandbox.Endpoints;

/// <summary>GET /channels: <c>{"data": [...]}</c>, no paging object; channel ids are strings.</summary>
internal static class ChannelEndpoints
{
    /// <summary>The possible fields: id, name, source.</summary>
    public static readonly FieldSet<ChannelRecord> Fields = new FieldSet<ChannelRecord>()
        .Add("id", c => c.Id, c => NumericId(c))
        .Add("name", c => c.Name, c => c.Name)
        .Add("source", c => c.Source, c => c.Source);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/channels", List);
    }

    private static IResult List(HttpContext http, SandboxStore store) =>
        ListShapes.DataList(http, store, Fields, null, "channels", "id", state => state.Channels, NumericId);

    // String ids still sort as numbers ("596" before "11330").
    private static long NumericId(ChannelRecord channel) =>
        long.TryParse(channel.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
}
