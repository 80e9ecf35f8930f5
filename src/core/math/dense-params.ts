/** Parameter counts of dense (fully connected, nn.Linear) layers. */

export interface LinearLayerSpec {
  readonly inputs: number;
  readonly outputs: number;
  /** nn.Linear has a bias by default (bias=True). */
  readonly bias: boolean;
}

/** Weights of one dense layer: inputs × outputs. */
export function denseWeightCount(layer: LinearLayerSpec): number {
  return layer.inputs * layer.outputs;
}

/** Parameters of one dense layer: inputs × outputs weights plus one bias per output (when it has a bias). */
export function denseParamCount(layer: LinearLayerSpec): number {
  return denseWeightCount(layer) + (layer.bias ? layer.outputs : 0);
}

/** Parameters of a stack of dense layers (activations have none). */
export function stackParamCount(layers: readonly LinearLayerSpec[]): number {
  return layers.reduce((acc, layer) => acc + denseParamCount(layer), 0);
}
