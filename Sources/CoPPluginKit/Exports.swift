// A plugin imports CoPPluginKit alone: the model, the comparison engine and the tables it works with come
// with it.
@_exported import CoPCore
@_exported import CoPTables
