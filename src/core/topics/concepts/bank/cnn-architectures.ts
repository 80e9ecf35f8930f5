/** Classic CNN architectures (LeNet, AlexNet, VGG, Inception, ResNet), global average pooling, transfer learning. */
import type { ConceptItem } from '../item.js';

export const cnnArchitectureItems: readonly ConceptItem[] = [
  {
    id: 'cnn-lenet',
    tag: 'cnn',
    kind: 'true-false',
    statement:
      'LeNet-5 read handwritten digits with alternating convolution and subsampling (pooling) layers followed by fully connected layers.',
    answer: true,
    explanation:
      'LeNet-5 (LeCun et al., 1998) takes a 32×32 image through two convolution and subsampling stages and then fully connected layers to 10 outputs, about 60,000 parameters. Its pattern, convolutions that extract local features and pooling that lowers the resolution, is the template of later CNNs.',
  },
  {
    id: 'cnn-alexnet',
    tag: 'cnn',
    kind: 'choice',
    stem: 'Which choices helped AlexNet (2012) train a deep CNN on ImageNet?',
    options: [
      { text: 'ReLU activations, training on GPUs, and dropout in the dense layers', correct: true },
      {
        text: 'Sigmoid activations throughout, so that every unit outputs a probability',
        why: 'AlexNet used ReLU, which trained several times faster than saturating units.',
      },
      {
        text: 'No pooling layers at all, to keep the full spatial resolution',
        why: 'AlexNet used overlapping max pooling.',
      },
      {
        text: 'Only 1×1 convolutions, to keep the number of parameters small',
        why: 'Its first layer used 11×11 filters with stride 4; 1×1 convolutions came with Network in Network and Inception.',
      },
    ],
    explanation:
      'AlexNet (Krizhevsky et al., 2012) had 5 convolutional and 3 fully connected layers, about 60 million parameters, and won ImageNet 2012 by a wide margin. ReLU sped up training, two GPUs made it feasible, and dropout and data augmentation limited overfitting.',
  },
  {
    id: 'cnn-vgg-small-filters',
    tag: 'cnn',
    kind: 'true-false',
    statement:
      'The convolutional layers of VGG-16 are all 3×3 with stride 1 and padding 1, with 2×2 max pooling between stages.',
    answer: true,
    explanation:
      'Simonyan and Zisserman (2014) built depth from small filters only. Each 3×3 convolution with padding 1 keeps the spatial size, each pooling halves it, and the number of channels doubles from stage to stage, from 64 to 512.',
  },
  {
    id: 'cnn-vgg-parameters',
    tag: 'cnn',
    kind: 'true-false',
    statement:
      'Most of the roughly 138 million parameters of VGG-16 are in its thirteen convolutional layers, which have far more channels than its three fully connected layers have units.',
    answer: false,
    explanation:
      'The first fully connected layer alone maps 7 × 7 × 512 = 25,088 inputs to 4,096 units, about 103 million weights, and the three dense layers hold about 124 million in all. The convolutional layers hold about 15 million, because their kernels are shared across positions.',
  },
  {
    id: 'cnn-inception-module',
    tag: 'cnn',
    kind: 'choice',
    stem: 'What does an Inception module of GoogLeNet do?',
    options: [
      {
        text: 'It runs 1×1, 3×3 and 5×5 convolutions and pooling in parallel and concatenates them.',
        correct: true,
      },
      {
        text: 'It stacks 1×1, 3×3 and 5×5 convolutions in sequence, so that each refines the last.',
        why: 'The branches run side by side on the same input; their outputs are concatenated along the channels.',
      },
      {
        text: 'It picks one kernel size per image: the branch with the highest activation wins and the others are dropped.',
        why: 'Every branch is computed for every input; nothing is selected.',
      },
      {
        text: 'It adds the outputs of its branches to its input, like a residual block.',
        why: 'Inception concatenates the branch outputs; adding them to the input is the ResNet idea.',
      },
    ],
    explanation:
      'The parallel branches capture patterns at several scales at once. 1×1 convolutions reduce the number of channels before the 3×3 and 5×5 branches, which keeps the cost of the wide module down.',
  },
  {
    id: 'cnn-bottleneck-weights',
    tag: 'cnn',
    kind: 'choice',
    stem: 'A ResNet bottleneck block maps 256 channels through a 1×1 convolution to 64 channels, a 3×3 convolution from 64 to 64, and a 1×1 convolution back to 256. Ignoring biases, how many weights does it have?',
    options: [
      { text: '69,632', correct: true },
      {
        text: '1,179,648',
        why: 'That is two 3×3 convolutions at 256 channels, the basic block that the bottleneck replaces.',
      },
      {
        text: '36,864',
        why: 'That counts only the 3×3 convolution; the two 1×1 convolutions add 2 × 256 × 64.',
      },
      { text: '53,248', why: 'That forgets the last 1×1 convolution, back from 64 to 256 channels.' },
    ],
    explanation:
      'The weights are 1·1·256·64 + 3·3·64·64 + 1·1·64·256 = 16,384 + 36,864 + 16,384 = 69,632. Two 3×3 convolutions at 256 channels would need 2 × 9 × 256² = 1,179,648, about 17 times as many.',
  },
  {
    id: 'cnn-bottleneck-purpose',
    tag: 'cnn',
    kind: 'true-false',
    statement:
      "The 1×1 convolutions of a ResNet bottleneck block first reduce and then restore the number of channels, so that its 3×3 convolution works on far fewer channels than the block's input.",
    answer: true,
    explanation:
      'A 3×3 convolution costs 9·C_in·C_out multiplications per position, so running it on 64 channels instead of 256 cuts its cost sixteenfold. This let ResNet-50 and deeper models add layers at a modest cost.',
  },
  {
    id: 'cnn-resnet-projection-shortcut',
    tag: 'cnn',
    kind: 'true-false',
    statement:
      'When a residual block halves the spatial size and doubles the channels, its skip connection can still add the input x unchanged to F(x).',
    answer: false,
    explanation:
      'F(x) and x must have the same shape to be added. ResNet then uses a projection shortcut, a 1×1 convolution with stride 2 (or subsampling with zero-padded extra channels), so that the shapes match.',
  },
  {
    id: 'cnn-global-average-pooling',
    tag: 'cnn',
    kind: 'choice',
    stem: 'A 7×7×512 feature map goes through global average pooling. What is the output shape, and how many learnable parameters does the pooling add?',
    options: [
      { text: '1×1×512, no parameters', correct: true },
      {
        text: '7×7×1, no parameters',
        why: 'Global average pooling averages each channel over the positions, not the channels at each position.',
      },
      {
        text: '1×1×512, 512 parameters',
        why: 'Averaging has no weights; parameters come only from a layer after it.',
      },
      { text: '1×1×25,088, no parameters', why: 'That is flattening (7 × 7 × 512 = 25,088), not pooling.' },
    ],
    explanation:
      'Each of the 512 channels is replaced by the mean of its 7 × 7 values. The operation is fixed, so it has no parameters, and it gives a 512-vector whatever the spatial size.',
  },
  {
    id: 'cnn-transfer-frozen-features',
    tag: 'cnn',
    kind: 'true-false',
    statement:
      'With a small target data set, a common transfer-learning recipe keeps the pretrained convolutional layers frozen and trains only a new classifier head.',
    answer: true,
    explanation:
      'The convolutional layers of a network trained on ImageNet compute generic features (edges, textures, parts) that serve other image tasks. With little data, training only the new head avoids overfitting the many pretrained weights; with more data the top layers can be fine-tuned as well.',
  },
  {
    id: 'cnn-transfer-early-layers-specific',
    tag: 'cnn',
    kind: 'true-false',
    statement:
      'In a CNN pretrained on ImageNet, the first convolutional layers learn the most task-specific features, so they are the first ones to retrain when the network is moved to a new task.',
    answer: false,
    explanation:
      'It is the other way round: the first layers learn generic features such as oriented edges and colour blobs, and later layers become increasingly specific to the original classes (Yosinski et al., 2014). Fine-tuning therefore retrains the last layers first and keeps the early ones.',
  },
  {
    id: 'cnn-fine-tuning-rate',
    tag: 'cnn',
    kind: 'choice',
    stem: 'When a pretrained network is fine-tuned on a new task, how is the learning rate of its pretrained layers usually set?',
    options: [
      { text: 'Smaller than for the new head, so the pretrained features change little', correct: true },
      {
        text: 'Larger than for the new head, so that the old features are replaced quickly',
        why: 'A large rate would destroy the pretrained features that make transfer worthwhile.',
      },
      {
        text: 'The same large rate that training from scratch would use',
        why: 'A rate suited to random weights makes large changes to weights that are already good.',
      },
      {
        text: 'Zero for every layer, since a pretrained network needs no training',
        why: 'At least the new head must be trained, since it starts from random weights.',
      },
    ],
    explanation:
      'The pretrained weights are already a good starting point, and the new head starts from random weights. A small rate (often a tenth of the head’s, or less) adapts the features gently without wiping out what they learned.',
  },
  {
    id: 'cnn-plain-degradation',
    tag: 'cnn',
    kind: 'true-false',
    statement:
      'Without residual connections, adding layers to an already deep plain CNN can raise its training error, not only its test error.',
    answer: true,
    explanation:
      'He et al. (2016) found that a 56-layer plain network had a higher training error than a 20-layer one on CIFAR-10. Since the training error rose, this degradation is an optimisation difficulty, not overfitting.',
  },
  {
    id: 'cnn-pair-global-pooling-head',
    tag: 'cnn',
    kind: 'two-statements',
    statements: [
      {
        text: 'A CNN that ends with global average pooling can only accept inputs of the size it was trained on.',
        true: false,
        why: 'Statement 1 is false: the pooling gives a C-vector whatever the height and width, so the classifier after it still fits.',
      },
      {
        text: 'Replacing the fully connected layers at the top of a CNN by global average pooling reduces its number of parameters.',
        true: true,
        why: 'Statement 2 is true: the pooling has no weights, and only a small classifier from C features to the classes remains.',
      },
    ],
  },
  {
    id: 'cnn-pair-architectures',
    tag: 'cnn',
    kind: 'two-statements',
    statements: [
      {
        text: 'AlexNet was the first CNN to use 3×3 convolutions exclusively, an idea that VGG later took from it.',
        true: false,
        why: 'Statement 1 is false: AlexNet used 11×11, 5×5 and 3×3 filters; using only 3×3 filters was the idea of VGG.',
      },
      {
        text: 'GoogLeNet has far fewer parameters than VGG-16 although it is deeper.',
        true: true,
        why: 'Statement 2 is true: about 7 million against 138 million, thanks to 1×1 reductions and global average pooling instead of large dense layers.',
      },
    ],
  },
  {
    id: 'cnn-pair-transfer',
    tag: 'cnn',
    kind: 'two-statements',
    statements: [
      {
        text: 'Transfer learning can work when the new task has only a few hundred labelled images.',
        true: true,
        why: 'Statement 1 is true: the pretrained features do most of the work, and only a small head has to be fitted to the new data.',
      },
      {
        text: 'Transfer learning from ImageNet requires the new task to use the 1,000 ImageNet classes.',
        true: false,
        why: "Statement 2 is false: the old classifier is replaced by a new head with the new task's classes.",
      },
    ],
  },
  {
    id: 'cnn-pair-resnet',
    tag: 'cnn',
    kind: 'two-statements',
    statements: [
      {
        text: 'The original ResNets follow each of their convolutions with batch normalisation.',
        true: true,
        why: 'Statement 1 is true: every convolution of a ResNet block is followed by batch normalisation, then ReLU where the block applies one.',
      },
      {
        text: 'A residual block whose residual branch outputs F(x) = 0 for every input outputs zero for every input.',
        true: false,
        why: 'Statement 2 is false: it outputs y = F(x) + x = x, the identity, which is why extra blocks are easy to add.',
      },
    ],
  },
];
