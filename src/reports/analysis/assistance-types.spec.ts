import { detectAssistanceTypes } from './assistance-types';

describe('detectAssistanceTypes', () => {
  it('finds each type in English', () => {
    expect(
      detectAssistanceTypes(
        'We seek funding and technical expertise, two marking machines, training for armourers and the transfer of technology.',
        'en',
      ),
    ).toEqual(['FINANCIAL', 'TECHNICAL_EXPERTISE', 'EQUIPMENT', 'TRAINING', 'TECHNOLOGY_TRANSFER']);
  });

  it('finds types in Chinese, French and Spanish', () => {
    expect(detectAssistanceTypes('提供技术、财政和其他援助，根据需要提供相关设备和培训，并促进技术转让', 'zh')).toEqual([
      'FINANCIAL',
      'EQUIPMENT',
      'TRAINING',
      'TECHNOLOGY_TRANSFER',
    ]);
    expect(
      detectAssistanceTypes('Un appui est demandé pour l’acquisition de machines de marquage et la formation des agents.', 'fr'),
    ).toEqual(['EQUIPMENT', 'TRAINING']);
    expect(detectAssistanceTypes('Se solicita asistencia técnica y formación especializada.', 'es')).toEqual([
      'TECHNICAL_EXPERTISE',
      'TRAINING',
    ]);
  });

  it('does not read technical assistance into technology transfer or the reverse', () => {
    expect(detectAssistanceTypes('技术转让', 'zh')).toEqual(['TECHNOLOGY_TRANSFER']);
    expect(detectAssistanceTypes('We request technical assistance.', 'en')).toEqual(['TECHNICAL_EXPERTISE']);
  });

  it('finds nothing where no form of assistance is named', () => {
    expect(detectAssistanceTypes('The situation at the border remains difficult.', 'en')).toEqual([]);
  });
});
