import CoPPluginKit
import Decline
import NPRZ
import NewTowns

/// The plugins compiled into `cop`, sorted by id: the one place a built-in plugin is listed.
public let builtInPlugins: [any CoPPlugin] = [DeclinePlugin(), NewTownsPlugin(), NPRZPlugin()]
