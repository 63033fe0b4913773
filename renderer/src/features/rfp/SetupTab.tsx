import type { RfpEvaluation } from '@shared/rfp/evaluate';
import { BiddersPanel } from './BiddersPanel';
import { CriteriaTreePanel } from './CriteriaTreePanel';
import { EvaluatorsPanel } from './EvaluatorsPanel';
import { PriceBidsPanel } from './PriceBidsPanel';
import type { RfpRecords } from './rfpRecords';
import { SaveTemplateForm } from './SaveTemplateForm';

export function SetupTab({ records, evaluation }: { readonly records: RfpRecords; readonly evaluation: RfpEvaluation }) {
  return (
    <div className="rfp-setup">
      <BiddersPanel records={records} />
      <EvaluatorsPanel records={records} />
      <PriceBidsPanel records={records} evaluation={evaluation} />
      <CriteriaTreePanel records={records} />
      <SaveTemplateForm records={records} />
    </div>
  );
}
