namespace Switchboard.Tests.Guard;

/// <summary>
/// One spoiled input of one route. <see cref="Field"/> is the name the refusal must carry (a route value, query
/// parameter, header, or a body field's path); <see cref="MayPass"/> marks inputs that are odd but may be legitimate,
/// which may succeed and otherwise must be refused like the rest.
/// </summary>
internal sealed record GuardCase(GuardedRoute Route, string Input, string Field, GuardRequest Request, bool MayPass = false, GuardFraming Framing = GuardFraming.None)
{
    public override string ToString() => $"{Route} {Input}";
}
